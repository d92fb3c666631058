-- The host's predefined macros are visible to the imported code.
local C = terralib.includecstring [[
#if defined(__x86_64__) && defined(__linux__)
#define HOST_OK 1
#else
#define HOST_OK 0
#endif
enum { LONG_SIZE = sizeof(long) };
]]
print(C.HOST_OK, C.LONG_SIZE, C.__CHAR_BIT__)
