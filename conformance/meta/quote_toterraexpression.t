local Const = {}
Const.__index = Const
Const.__toterraexpression = function(self) return `[self.v] * 2 end
local c = setmetatable({ v = 21 }, Const)
terra f() return c end
print(f())
