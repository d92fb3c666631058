-- A backtick quotes the whole expression after it (as in Terra): `x + 1
-- is one quote; parenthesized quotes combine with Lua operators.
local x = 10
local whole = `x + 1 * 2
local pick = (`x - 1) or (`0)
local none = nil
local other = none or (`x * 3)
terra f() return whole, pick, other end
local r = f()
print(r._0, r._1, r._2)
