-- Lua passes numbers, booleans and strings; gets numbers and booleans back.
local S = terralib.includec("string.h")
terra len(s : rawstring) : int return S.strlen(s) end
terra neg(b : bool) : bool return not b end
terra half(x : double) : double return x / 2 end
terra id(x : int) : int return x end
print(len("hello"), len(""))
print(neg(true), neg(false))
print(half(5), id(7), id(-2147483648))
print(type(half(1)), type(neg(true)))
