local l = terralib.newlist { 1, 2, 3, 4, 5, 6 }
local sq = l:map(function(x) return x * x end)
local ev = sq:filter(function(x) return x % 2 == 0 end)
print(tostring(sq), tostring(ev))
