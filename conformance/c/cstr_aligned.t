-- A member with an aligned attribute gives a layout Terra cannot express:
-- the struct is imported as an opaque type, with the reason recorded.
local C, T = terralib.includecstring [[
struct al { char c; int x __attribute__((aligned(16))); };
struct ok { char c; int x; };
]]
print(getmetatable(T).errors.al)
print(terralib.offsetof(T.ok, "x"), terralib.sizeof(T.ok))
