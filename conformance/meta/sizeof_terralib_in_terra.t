-- terralib.sizeof is the same object as sizeof: usable from Lua and, as a
-- macro, inside Terra code.
print(terralib.sizeof == sizeof, terralib.sizeof(int64))
terra bytes(n : int) return n * terralib.sizeof(double) end
print(bytes(3))
