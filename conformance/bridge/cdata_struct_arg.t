-- A struct cdata passes by value; the callee's changes stay local.
struct P { x : int, y : int }
terra bump(p : P) : int p.x = p.x + 100 return p.x + p.y end
local p = terralib.new(P, {1, 2})
print(bump(p), p.x, p.y)
