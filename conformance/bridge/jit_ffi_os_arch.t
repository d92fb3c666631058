-- jit.os/jit.arch and ffi.os/ffi.arch describe the host; require returns the same modules.
local ffi = require("ffi")
print(jit.os == ffi.os, jit.arch == ffi.arch, type(jit.os), require("bit") == bit, require("jit") == jit)
print(jit.os, ffi.arch)
