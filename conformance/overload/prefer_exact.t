local f = terralib.overloadedfunction("f", {terra(a : float) return 1 end, terra(a : int64) return 2 end, terra(a : int) return 3 end})
terra use() return f(7), f(7LL), f(1.5f) end
local r = use()
print(r._0, r._1, r._2)
