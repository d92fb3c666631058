-- and/or/not on integer vectors are bitwise; on bool vectors logical
terra f() : int
  var a = vector(12, 10)
  var b = vector(10, 6)
  var c = a and b
  var d = a or b
  var e = a ^ b
  return c[0] * 1000000 + c[1] * 10000 + d[0] * 100 + d[1] + e[0] * 0
end
print(f())
terra g() : int
  var m = vector(true, false, true)
  var n = not m
  var r = 0
  for i = 0, 3 do if n[i] then r = r + i + 1 end end
  return r
end
print(g())
