-- With only one definition there is nothing to choose: the argument's
-- own conversion error is what gets reported.
local pick = terralib.overloadedfunction("pick", {terra(k : int) return k end})
terra m() return pick(true) end
m()
