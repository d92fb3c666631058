-- sqrt, pow and floor from math.h.
local M = terralib.includec("math.h")
terra hyp(a : double, b : double) : double return M.sqrt(a * a + b * b) end
terra fl(x : double) : double return M.floor(x) + M.pow(2, 3) end
print(hyp(3, 4), fl(2.7))
