local asdl = require("asdl")
local C = asdl.NewContext()
C:Define [[ P = (number x) ]]
local ok, err = pcall(function() return C.P(true) end)
print(ok, err)
