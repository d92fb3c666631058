local M = {}
terra M.double(x : int) return x * 2 end
return M
