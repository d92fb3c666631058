-- multiple returns and destructuring
terra divmod(a : int, b : int) : {int, int}
  return a / b, a % b
end
terra use() : int
  var q, r = divmod(17, 5)
  return q * 10 + r
end
print(use())
terra swap(a : double, b : double) return b, a end
terra use2() : double
  var x, y = swap(1.5, 2.25)
  return x - y
end
print(use2())
