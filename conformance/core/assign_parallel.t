-- Parallel assignment evaluates every right-hand side before storing.
terra swap() : int
  var a, b = 1, 2
  a, b = b, a
  return a * 10 + b
end
terra rot() : int
  var x, y, z = 1, 2, 3
  x, y, z = y, z, x
  return x * 100 + y * 10 + z
end
print(swap(), rot())
