-- frexp and modf return a second result through a pointer.
local M = terralib.includec("math.h")
local S = terralib.includec("stdio.h")
terra f()
  var e : int
  var m = M.frexp(48.0, &e)
  var ip : double
  var fp = M.modf(3.75, &ip)
  S.printf("%g %d %g %g\n", m, e, ip, fp)
end
f()
