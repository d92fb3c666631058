-- A callback result that cannot convert is an error.
local cb = terralib.cast({} -> int, function() return "str" end)
terra run(f : {} -> int) : int return f() end
run(cb)
