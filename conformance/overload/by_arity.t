local f = terralib.overloadedfunction("f")
f:adddefinition(terra() return 0 end)
f:adddefinition(terra(a : int) return a end)
f:adddefinition(terra(a : int, b : int) return a + b end)
terra use() return f() + f(5) * 10 + f(1, 2) * 100 end
print(use())
