local f = terralib.overloadedfunction("f", {terra(a : int, b : double) return 1 end, terra(a : double, b : int) return 2 end})
terra use() return f(1, 2) end
print(use())
