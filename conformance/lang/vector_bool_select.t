-- select with a vector condition and scalar operands broadcasts them
terra f() : int
  var v = vector(1, 5, 2, 8)
  var r = terralib.select(v > 3, 1, 0)
  return r[0] + r[1] * 10 + r[2] * 100 + r[3] * 1000
end
print(f())
