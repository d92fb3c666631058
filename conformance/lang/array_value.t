-- arrays are values: assignment copies
terra f() : int
  var a = array(1, 2, 3)
  var b = a
  b[0] = 100
  return a[0] + b[0]
end
print(f())
terra g(x : int[3]) : int[3]
  x[1] = x[1] * 2
  return x
end
terra h() : int
  var r = g(array(1, 2, 3))
  return r[0] + r[1] + r[2]
end
print(h())
