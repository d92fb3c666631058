-- % on floating-point values behaves like C's fmod.
local C = terralib.includec("stdio.h")
terra m(a : double, b : double) : double return a % b end
print(m(3.75, 2.0))
print(m(-3.75, 2.0))
terra p() C.printf("%.3f\n", 10.5 % 3.0) end
p()
