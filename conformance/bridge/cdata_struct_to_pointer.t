-- A struct cdata passed where a pointer to it is expected passes its address.
struct P { x : int, y : int }
terra bump(p : &P) p.x = p.x + 100 end
local p = terralib.new(P, {1, 2})
bump(p)
bump(p)
print(p.x, p.y)
