-- abs, labs and llabs.
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")
terra f() S.printf("%d %ld %lld\n", C.abs(-5), C.labs(-7000000000), C.llabs(3)) end
f()
