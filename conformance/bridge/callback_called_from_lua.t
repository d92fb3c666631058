-- A callback cdata is a function pointer: Lua can call it too.
local sq = terralib.cast({int} -> int, function(x) return x * x end)
print(sq(9), terralib.typeof(sq))
