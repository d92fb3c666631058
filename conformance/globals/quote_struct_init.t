struct P { x : int; y : int }
local g = global(P, `P { 4, 5 })
terra f() return g.x * g.y end
print(f())
