local f = terralib.overloadedfunction("f", {terra(a : int) return 1 end, terra(a : double) return 2 end})
terra use() return f(1), f(2.5) end
local r = use()
print(r._0, r._1)
