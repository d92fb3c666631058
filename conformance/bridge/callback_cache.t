-- Casting the same Lua function to the same type twice gives the same pointer.
local function f(x) return x end
local a = terralib.cast({int} -> int, f)
local b = terralib.cast({int} -> int, f)
local c = terralib.cast({int} -> int, function(x) return x end)
print(a == b, a == c)
