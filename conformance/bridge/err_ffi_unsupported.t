-- Only ffi.os and ffi.arch are provided.
local ffi = require("ffi")
ffi.cdef("int x;")
