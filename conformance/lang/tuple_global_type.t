-- tuple types print, compare and report their entries
local T = tuple(int, double, bool)
print(T, T == tuple(int, double, bool), terralib.sizeof(T))
local U = terralib.types.unit
print(U, U == tuple(), U:isunit())
