terra f() : int
  var a = vector(1.0, 2.0)
  var b = a ^ a
  return 0
end
print(f())
