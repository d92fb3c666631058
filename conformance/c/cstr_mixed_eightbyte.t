-- An int and a float share one eightbyte (INTEGER class); a double follows.
local C = terralib.includecstring [[
typedef struct { int i; float f; double d; } M;
M mix(M m) { M r = { m.i + 1, m.f * 2, m.d - 1 }; return r; }
double sum(M m) { return m.i + m.f + m.d; }
]]
local S = terralib.includec("stdio.h")
terra f()
  var m : C.M = { 4, 1.5f, 10.0 }
  var r = C.mix(m)
  S.printf("%d %g %g %g\n", r.i, r.f, r.d, C.sum(r))
end
f()
