terra f()
  var a = 7
  return [ `a * 3 ]
end
print(f())
