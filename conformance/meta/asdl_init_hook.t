local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ R = (number w, number h) ]]
function C.R:init() self.area = self.w * self.h end
print(C.R(3, 5).area)
