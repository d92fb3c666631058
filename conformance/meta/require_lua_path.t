package.path = "mods/?.lua;" .. package.path
local m = require("plainmod")
print(m.greet("terra"))
