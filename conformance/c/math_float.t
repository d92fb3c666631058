-- float versions (sqrtf, powf) take and return float.
local M = terralib.includec("math.h")
terra f() : float return M.sqrtf(2.25f) + M.powf(2.0f, 3.0f) end
print(f())
