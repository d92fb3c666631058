-- A C union: writing one member and reading another.
local C = terralib.includecstring [[
typedef union { float f; unsigned int u; unsigned char b[4]; } Bits;
unsigned int bits(float f) { Bits x; x.f = f; return x.u; }
]]
local S = terralib.includec("stdio.h")
terra f()
  var x : C.Bits
  x.f = 1.0f
  S.printf("%x %x %d %d\n", x.u, C.bits(-2.0f), x.b[3], [int](sizeof(C.Bits)))
end
f()
