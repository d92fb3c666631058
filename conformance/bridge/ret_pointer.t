-- Pointer results are cdata of the pointer type; NULL comes back as nil.
local C = terralib.includec("stdlib.h")
terra alloc() : &int var p = [&int](C.malloc(8)); @p = 5; return p end
terra null() : &int return nil end
terra get(p : &int) : int return @p end
local p = alloc()
print(terralib.typeof(p), get(p), p[0], null() == nil, null())
print(tostring(p):match("^cdata<&int32>: 0x") ~= nil)
C.free(p)
