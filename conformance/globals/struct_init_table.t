struct P { x : int; y : double }
local p = global(P, {x = 3, y = 4.5})
terra sum() return p.x + p.y end
print(sum())
terra setx(v : int) p.x = v end
setx(10)
print(p:get().x, sum())
