require("strict")
local function g() newglobal = 3 end
g()
