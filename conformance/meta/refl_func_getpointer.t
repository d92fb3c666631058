terra f(x : int) return x * 3 end
local p = f:getpointer()
print(terralib.typeof(p))
