local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Shape = Circle(number r) | Sq(number s) ]]
function C.Shape:describe() return self.kind .. ":" .. self:area() end
function C.Circle:area() return 3 * self.r * self.r end
function C.Sq:area() return self.s * self.s end
print(C.Circle(1):describe(), C.Sq(4):describe())
