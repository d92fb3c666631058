-- When the only definitions of an overloaded function do not typecheck,
-- the call reports that instead of finding nothing to call.
local f = terralib.overloadedfunction("f")
f:adddefinition(terra(x : int) : int return x + {} end)
terra use() return f(1) end
use()
