-- Structs over 16 bytes are passed and returned in memory.
local C = terralib.includecstring [[
typedef struct { long a, b, c; double d; } Big;
Big bump(Big x, long n) { x.a += n; x.b += n; x.c += n; x.d += n; return x; }
]]
local S = terralib.includec("stdio.h")
terra f()
  var b : C.Big = { 1, 2, 3, 4.5 }
  var r = C.bump(b, 10)
  S.printf("%ld %ld %ld %g | %ld\n", r.a, r.b, r.c, r.d, b.a)
end
f()
