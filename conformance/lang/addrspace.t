-- pointers with an address space are distinct types
local P1 = terralib.types.pointer(int, 1)
print(P1 == terralib.types.pointer(int, 1), P1 == &int)
print(terralib.types.pointer(int, 0) == &int)
