-- tostring of types built in Lua.
print(int, uint8, int64, double, float, bool, rawstring)
print(&int, int[3], (&int)[3], &int[3])
print({int, double} -> bool, int -> int, {} -> {})
print(tuple(int, double), vector(float, 4))
print(tostring(int) == "int32", int == int32, uint == uint32, long == int64)
print(terralib.types.pointer(double), terralib.types.istype(int), terralib.types.istype(3))
