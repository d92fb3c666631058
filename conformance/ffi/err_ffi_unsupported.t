-- The parts of LuaJIT's ffi that terrac lacks are named in the error.
local ffi = require("ffi")
local ok, err = pcall(function() return ffi.metatype end)
print(ok)
ffi.gc(ffi.new("int"), nil)
