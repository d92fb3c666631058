-- SIMD dot product: 8 float lanes at a time with vector(float, 8),
-- then a scalar loop for the remainder.
local C = terralib.includec("stdlib.h")
local V = vector(float, 8)

terra dot(a : &float, b : &float, n : int) : float
  var acc : V = 0.0f
  var i = 0
  while i + 8 <= n do
    var va = @[&V](a + i)
    var vb = @[&V](b + i)
    acc = acc + va * vb
    i = i + 8
  end
  var s = 0.0f
  for k = 0, 8 do s = s + acc[k] end
  for k = i, n do s = s + a[k] * b[k] end
  return s
end

-- vector loads assume the vector's alignment (32 bytes here)
terra alloc(n : int) : &float
  var bytes = (n * sizeof(float) + 31) / 32 * 32
  return [&float](C.aligned_alloc(32, bytes))
end

terra run(n : int) : float
  var a = alloc(n)
  var b = alloc(n)
  for i = 0, n do
    a[i] = i
    b[i] = 2
  end
  var r = dot(a, b, n)
  C.free(a)
  C.free(b)
  return r
end

print(run(20))   -- 2 * (0 + 1 + ... + 19) = 380
print(run(1000)) -- 2 * 999 * 1000 / 2 = 999000
print(terralib.sizeof(V))
