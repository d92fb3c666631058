local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ Id = (string name) unique ]]
print(C.Id("x") == C.Id("x"), C.Id("x") == C.Id("y"))
