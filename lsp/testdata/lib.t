local M = {}
struct M.Vec { x : int; y : int }
terra M.Vec:len() : int return self.x + self.y end
terra M.twice(x : int) : int return x * 2 end
function M.describe() return "lib" end
return M
