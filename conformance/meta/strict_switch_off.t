-- Strict is the global table's metatable. terrac leaves it empty (no
-- checks) until require "strict"; clearing its __index and __newindex
-- switches the checks off again, so code written for Terra's always-on
-- strict mode can opt out the same way.
print(type(Strict), getmetatable(_G) == Strict, Strict.__index)
print(neverassigned)
require "strict"
print(pcall(function() return neverassigned end))
Strict.__newindex, Strict.__index = nil, nil
print(neverassigned)
local function setter() madeinside = 1 end
setter()
print(madeinside)
