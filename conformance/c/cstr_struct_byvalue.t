-- A C function defined in includecstring takes and returns structs by value.
local C = terralib.includecstring [[
struct P { int a; double b; };
struct P scale(struct P p, int k) { struct P r = { p.a * k, p.b * k }; return r; }
]]
local S = terralib.includec("stdio.h")
terra f()
  var p : C.P
  p.a, p.b = 3, 1.25
  var r = C.scale(p, 4)
  S.printf("%d %g\n", r.a, r.b)
end
f()
