-- Lua multiple assignment evaluates every right-hand side before any
-- local is assigned.
local a, b = 1, 2
a, b = b, a
print(a, b)
local c, p = 1, 1
for i = 1, 5 do c, p = c + p, c end
print(c, p)
local x, y, z = 1, 2, 3
x, y, z = y + z, x * 10, x + y
print(x, y, z)
local t, k = {}, 1
k, t[k] = 2, "first"
print(k, t[1], t[2])
local function pair() return 7, 8 end
local m, n = 0, 0
m, n = n + 1, pair()
print(m, n)
