-- ffi.string reads C memory into a Lua string: up to the first NUL, or a
-- given number of bytes.
local ffi = require("ffi")
local buf = terralib.new(int8[8])
for i, c in ipairs { 104, 105, 0, 33, 33 } do buf[i - 1] = c end
local p = terralib.cast(&int8, buf)
print(ffi.string(p), #ffi.string(p, 5), ffi.string(p + 3, 2))
print(ffi.string(terralib.pointertolightuserdata(p)))
print(pcall(ffi.string, nil))
