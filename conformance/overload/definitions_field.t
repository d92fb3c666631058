-- An overloaded function lists its definitions in .definitions.
local f = terralib.overloadedfunction("f")
print(#f.definitions)
f:adddefinition(terra(x : int) return x end)
f:adddefinition(terra(x : double) return x end)
print(#f.definitions, #f:getdefinitions())
terra use() return f(2) + f(0.5) end
print(use())
