local l = terralib.newlist { 1, 2, 3 }
print(tostring(l:flatmap(function(x) return { x, x * 10 } end)))
local p = terralib.newlist { 1, 2, 3, 4, 5 }:partition(function(x) return x % 2 == 0 and "even" or "odd" end)
print(tostring(p.even), tostring(p.odd))
