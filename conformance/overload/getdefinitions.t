local a = terra(x : int) return x end
local b = terra(x : double) return x end
local f = terralib.overloadedfunction("foo", {a, b})
local defs = f:getdefinitions()
print(#defs, defs[1] == a, defs[2] == b, defs[1]:getname())
print(terralib.isoverloadedfunction(f), terralib.isoverloadedfunction(a))
