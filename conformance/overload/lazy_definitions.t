local f = terralib.overloadedfunction("f")
terra use() return f(2) end
f:adddefinition(terra(a : int) return a * 21 end)
print(use())
