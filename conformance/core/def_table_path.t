-- terra a.b.c stores the function into nested Lua tables.
local M = { sub = {} }
terra M.sub.inc(x : int) : int return x + 1 end
terra M.twice(x : int) : int return M.sub.inc(M.sub.inc(x)) end
print(M.sub.inc(1), M.twice(5))
