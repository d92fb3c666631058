local f = terralib.overloadedfunction("f", {terra(a : double) return a * 2 end, terra(a : &int8) return 0.0 end})
terra use() return f(3) end
print(use())
