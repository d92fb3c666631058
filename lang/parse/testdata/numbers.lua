local a = 1
local b = 1.5
local c = .5
local d = 1e10
local e = 1E-3
local f = 0xff
local g = 0XAB
local h = 3.14159e+2
local i = 100
print(a, b, c, d, e, f, g, h, i)
