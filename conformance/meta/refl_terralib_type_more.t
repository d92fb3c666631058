local g = global(int, 3)
local o = terralib.overloadedfunction("o", { terra(x : int) return x end })
print(terralib.type(g), terralib.type(o), terralib.type(terralib.newlist()))
