local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Shape = Circle(number r) | Rect(number w, number h) ]]
local c, r = C.Circle(2), C.Rect(3, 4)
print(c.kind, r.kind, C.Shape:isclassof(c), C.Circle:isclassof(r), C.Rect:isclassof(r))
