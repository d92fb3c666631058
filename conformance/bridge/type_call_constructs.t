-- Calling a type from Lua constructs a value like terralib.new.
struct P { x : int, y : int }
local p = P({3, 4})
local q = P()
print(p.x + p.y, q.x, terralib.typeof(p) == P)
