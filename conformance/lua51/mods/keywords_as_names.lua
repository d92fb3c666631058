-- A plain Lua 5.1 module: Terra's reserved words are ordinary names here.
local M = {}
local escape, quote, terra = "e", "q", "t"
function M.struct(var) return escape .. quote .. terra .. var end
M.import = function(defer) return defer * 2 end
local union = { switch = 1, case = 2 }
M.total = union.switch + union.case
return M
