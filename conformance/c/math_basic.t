-- <math.h>: sqrt, pow, floor, ceil, fabs, fmod.
local M = terralib.includec("math.h")
local S = terralib.includec("stdio.h")
terra f()
  S.printf("%g %g %g %g %g %g\n", M.sqrt(16.0), M.pow(2.0, 10.0), M.floor(-1.5), M.ceil(1.2), M.fabs(-3.0), M.fmod(7.5, 2.0))
end
f()
