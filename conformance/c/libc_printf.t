-- printf with every common conversion, from Terra.
local C = terralib.includec("stdio.h")
terra f()
  C.printf("%d %u %ld %x %o %c %s %5.2f %e %%\n", -7, 7u, 1234567890123LL, 255, 8, 65, "str", 3.14159, 1e10)
end
f()
