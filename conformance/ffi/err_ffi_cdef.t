-- A declaration the C front end rejects is an error at the cdef call.
local ffi = require("ffi")
print(pcall(ffi.new, "struct never_declared"))
ffi.cdef [[
int fine(int);
int broken(int x, ;
]]
