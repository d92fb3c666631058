local f = terralib.overloadedfunction("f", {terra(a : &int) return 1 end, terra(a : int, b : int) return 2 end})
terra use() return f(2.5) end
use()
