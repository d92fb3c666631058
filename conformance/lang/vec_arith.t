-- element-wise arithmetic on vectors, scalar broadcast
terra f() : float
  var a : vector(float, 4) = vector(1.0f, 2.0f, 3.0f, 4.0f)
  var b = a * 2.0f + a
  return b[0] + b[1] + b[2] + b[3]
end
print(f())
terra g(x : int) : int
  var v = vector(x, x + 1, x + 2, x + 3)
  var w = v - 1
  var m = v * w
  return m[0] + m[1] + m[2] + m[3]
end
print(g(1), g(10))
