-- pointertolightuserdata turns a pointer cdata into a bare address that
-- Terra functions accept for any pointer parameter.
local g = global(int, 41)
terra addr() return &g end
terra bump(p : &int) @p = @p + 1 end
terra read(p : &opaque) : int return @[&int](p) end
local lud = terralib.pointertolightuserdata(addr())
print(type(lud), tostring(lud):match("^userdata: 0x%x+$") ~= nil)
bump(lud)
print(g:get(), read(lud))
