-- A table with [1] initializes a struct positionally.
struct P { x : int, y : double, z : bool }
terra show(p : P) : double
  if p.z then return p.x + p.y end
  return p.x - p.y
end
print(show({1, 0.5, true}), show({1, 0.5, false}), show({4}))
