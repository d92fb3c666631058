local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Color = Red | Green | Blue ]]
print(C.Red.kind, C.Color:isclassof(C.Green), C.Red == C.Red, C.Red == C.Blue, tostring(C.Blue))
