-- sin, cos, atan2 and M_PI agree with Lua's math library.
local M = terralib.includec("math.h")
terra s(x : double) return M.sin(x) end
terra c(x : double) return M.cos(x) end
terra pi() return M.atan2(1.0, 1.0) * 4 end
print(math.abs(s(0.5) - math.sin(0.5)) < 1e-15, math.abs(c(0.5) - math.cos(0.5)) < 1e-15, pi() == math.pi, M.M_PI == math.pi)
