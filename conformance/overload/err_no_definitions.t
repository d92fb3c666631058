local f = terralib.overloadedfunction("f")
terra use() return f(2, 3) end
use()
