terra f(a : int, b : double) return a + b end
local t = f:gettype()
print(t, t.returntype, #t.parameters, t.parameters[2])
