local f = terralib.overloadedfunction("f", {terra(a : int, b : double) return 1 end, terra(a : double, b : double) return 2 end})
terra use() return f(1, 2.0), f(1.0, 2.0), f(1, 2) end
local r = use()
print(r._0, r._1, r._2)
