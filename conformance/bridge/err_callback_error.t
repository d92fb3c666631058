-- An error raised in a Lua callback propagates to the Lua caller with its message.
local cb = terralib.cast({int} -> int, function(x) error("callback failed with " .. x) end)
terra run(f : {int} -> int) : int return f(7) end
run(cb)
