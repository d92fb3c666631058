terra f() : int
  var a : int[3]
  return a[1.5]
end
print(f())
