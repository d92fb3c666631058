local asdl = require("asdl")
local C = asdl.NewContext()
C:Extern("TerraType", terralib.types.istype)
C:Define [[ Decl = (string name, TerraType t) ]]
local d = C.Decl("x", int)
print(d.name, d.t, pcall(C.Decl, "y", 3))
