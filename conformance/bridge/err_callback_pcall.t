-- pcall catches a callback's error; callbacks keep working afterwards.
local cb = terralib.cast({int} -> int, function(x) if x < 0 then error("negative") end return x * 2 end)
terra run(f : {int} -> int, x : int) : int return f(x) end
local ok, msg = pcall(run, cb, -1)
print(ok, msg:match("negative") ~= nil, run(cb, 21))
