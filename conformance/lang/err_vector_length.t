terra f() : int
  var a = vector(1, 2, 3)
  var b = vector(1, 2)
  var c = a + b
  return c[0]
end
print(f())
