-- Constants are read-only: assigning to one, or to a field or element of
-- an aggregate constant, is rejected; reading them and writing through a
-- pointer or a copy is fine.
struct S { x : int }
local c = constant(int, 5)
local s = constant(`S{5})
local a = constant(int[3], {1, 2, 3})
terra ok()
  var t = s
  t.x = 9
  return c + s.x + a[2] + t.x
end
print(ok())
terra bad()
  c = 3
  s.x = 4
  a[1] = 7
end
bad:compile()
