-- Variadic C functions called straight from Lua: the extra arguments
-- take LuaJIT's vararg types (number → double, string → rawstring,
-- boolean → bool, nil → NULL, narrow integer cdata → int, 64-bit
-- integer cdata stay 64-bit), and the call returns the C result.
local C = terralib.includec("stdio.h")
local n = C.printf("%g|%s|%.3f|%d|%d\n", 42, "text", 2.5, true, false)
print(n)
n = C.printf("%d %d %lld %llu\n", terralib.new(int8, -3), terralib.new(uint16, 65535),
  terralib.new(int64, -1234567890123), terralib.new(uint64, 18446744073709551615ULL))
print(n)
print(C.printf("%p\n", nil))
local small = terralib.new(float, 0.5)
print(C.printf("%g %g %g %g %g %g %g %g %g %g\n", 1, 2, 3, 4, 5, 6, 7, 8, 9, small))
-- the same call shape twice, then a different one
for i = 1, 3 do
  C.printf("%s-%g\n", "round", i)
end
C.printf("no extras\n")
-- a char array passes a pointer to its first element
local buf = terralib.new(int8[32])
local len = C.snprintf(buf, 32, "<%5.1f|%s|%d>", 3.14159, "pi", terralib.new(int, 7))
print(len)
C.printf("%s\n", buf)
