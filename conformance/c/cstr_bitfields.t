-- A struct with bitfields is imported as an opaque type (as Terra does); pointers to it still work.
local C, T = terralib.includecstring [[
struct flags { unsigned a : 3; unsigned b : 5; };
struct flags *newflags(void);
]]
print(terralib.types.istype(T.flags), terralib.isfunction(C.newflags))
