-- Arrays are values; T[N] builds an array type in Lua.
terra f() : int
  var a : int[3]
  a[0], a[1], a[2] = 1, 2, 3
  var b = a
  b[0] = 100
  return a[0] + b[0]
end
print(f())
local A = int[4]
print(A, A.N, A.type)
terra g() : int
  var x : A
  for i = 0, 4 do x[i] = i + 1 end
  var s = 0
  for i = 0, 4 do s = s + x[i] end
  return s
end
print(g())
