-- A function returning two values; var a, b = f() takes them apart.
terra divmod(a : int, b : int) return a / b, a % b end
terra use() : int
  var q, r = divmod(17, 5)
  return q * 10 + r
end
print(use())
print(divmod:gettype())
