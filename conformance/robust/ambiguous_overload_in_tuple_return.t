-- An invalid call among several returned values must not be checked again.
local f = terralib.overloadedfunction("f", {terra(a : float) return 1 end, terra(a : float) return 2 end})
terra use() return f(7), 1 end
use()
