local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Point = (number x, number y) ]]
local p = C.Point(1, 2)
print(p.x, p.y, C.Point:isclassof(p), tostring(p))
