-- C functions are callable directly from Lua.
local C = terralib.includec("stdlib.h")
local M = terralib.includec("math.h")
print(C.abs(-12), C.atoi("77"), M.sqrt(81), M.floor(2.75))
