-- A struct goes Lua table -> Terra by value -> Lua cdata -> Terra by value -> Lua.
struct V { x : double, y : double, tag : int }
terra scale(v : V, k : double) : V return V{v.x * k, v.y * k, v.tag + 1} end
local v = scale({1, 2, 0}, 3)
print(v.x, v.y, v.tag)
local w = scale(v, 0.5)
print(w.x, w.y, w.tag, v.x)
