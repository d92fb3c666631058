package.terrapath = "mods/?.t;" .. package.terrapath
local m = require("helpermod")
print(m.double(21), require("helpermod") == m)
