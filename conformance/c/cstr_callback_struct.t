-- C calls a Terra function that takes and returns structs by value.
local C = terralib.includecstring [[
typedef struct { double re, im; } Cx;
typedef Cx (*cxop)(Cx, Cx);
Cx apply(cxop f, double a, double b) { Cx x = { a, b }; Cx y = { b, a }; return f(x, y); }
]]
terra cmul(x : C.Cx, y : C.Cx) : C.Cx
  return C.Cx { x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re }
end
local S = terralib.includec("stdio.h")
terra f()
  var r = C.apply(cmul, 1, 2)
  S.printf("%g %g\n", r.re, r.im)
end
f()
