terra f() : int
  var a = 1
  (a) = 2
  return a
end
print(f())
