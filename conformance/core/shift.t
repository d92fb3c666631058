-- << and >>: right shift is arithmetic for signed, logical for unsigned.
local C = terralib.includec("stdio.h")
terra shl(a : int, b : int) return a << b end
terra sar(a : int, b : int) return a >> b end
terra shr(a : uint, b : uint) return a >> b end
print(shl(1, 4), sar(-16, 2), sar(16, 2))
print(shr(4294967280, 28))
terra t() C.printf("%u %d\n", [uint](-16) >> 28, -16 >> 28) end
t()
