-- A struct result is a cdata copy whose fields read and write from Lua.
struct P { x : int, y : double, ok : bool }
terra mk(x : int) : P return P{x, x * 1.5, x > 0} end
local p = mk(4)
print(p.x, p.y, p.ok, terralib.typeof(p))
p.x = -1
print(p.x, mk(-2).ok)
