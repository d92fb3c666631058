-- Callbacks are closures: they see and change Lua upvalues.
local seen = {}
local rec = terralib.cast({int} -> {}, function(x) seen[#seen + 1] = x end)
terra each(f : {int} -> {}, n : int) for i = 0, n do f(i * i) end end
each(rec, 5)
print(table.concat(seen, ","))
