local x = 1 + 2 + 3
local y = 2 ^ -3 ^ 2
local z = -2 ^ 2
local w = not not x
local s = "a" .. "b" .. "c" .. 1 + 2
local c = 1 < 2 == true
local l = #t + 1
local m = a or b or c and d and e
local n = (1 + 2) * 3
local o = - - x
local p = a.b.c + a["b"].c * f(x).y
