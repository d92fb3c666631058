local M = {}
function M.greet(n) return "hello " .. n end
return M
