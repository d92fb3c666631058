-- Enumeration constants are Lua numbers; the enum type is an integer type.
local C = terralib.includecstring [[
enum Color { RED, GREEN = 5, BLUE, NEG = -3 };
typedef enum { SMALL = 1, LARGE = 1000000 } Size;
int next(enum Color c) { return c + 1; }
]]
terra f(c : C.Color) : int return C.next(c) end
print(C.RED, C.GREEN, C.BLUE, C.NEG, C.LARGE, f(C.BLUE), terralib.sizeof(C.Size))
