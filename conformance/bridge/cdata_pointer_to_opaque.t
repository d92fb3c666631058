-- Any pointer converts to &opaque and back (void* rules).
local C = terralib.includec("stdlib.h")
terra alloc(n : int) : &opaque return C.malloc(n * 4) end
terra setint(p : &int, i : int, v : int) p[i] = v end
terra getint(p : &opaque, i : int) : int return ([&int](p))[i] end
terra release(p : &opaque) C.free(p) end
local p = alloc(3)
setint(p, 2, 77)
print(getint(p, 2), terralib.typeof(p))
release(p)
