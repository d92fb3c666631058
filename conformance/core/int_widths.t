-- Narrow integer types wrap around when stored.
terra f() : int
  var a : int8 = 127
  a = a + 1
  return a
end
terra g() : uint8
  var b : uint8 = 250
  b = b + 10
  return b
end
terra h() : int16 return [int16](40000) end
print(f(), g(), h())
print(terralib.sizeof(int8), terralib.sizeof(int16), terralib.sizeof(int), terralib.sizeof(int64))
