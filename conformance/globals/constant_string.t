local C = terralib.includec("string.h")
local s = constant("hello")
terra len() return C.strlen(s) end
print(len())
