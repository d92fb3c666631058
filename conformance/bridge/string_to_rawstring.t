-- Lua strings are passed as NUL-terminated copies.
local C = terralib.includecstring [[
#include <string.h>
]]
terra len(s : rawstring) : int return C.strlen(s) end
terra first(s : rawstring) : int8 return s[0] end
print(len("hello"), len(""), first("A"), len("a\0b"))
