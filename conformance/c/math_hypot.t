-- hypot, exp, log, log10 and round.
local M = terralib.includec("math.h")
local S = terralib.includec("stdio.h")
terra f() S.printf("%g %g %g %g %g\n", M.hypot(3.0, 4.0), M.exp(0.0), M.log(1.0), M.log10(1000.0), M.round(2.5)) end
f()
