local l = terralib.newlist { 3, 8, 12, 5 }
local v, i = l:find(function(x) return x > 7 end)
print(v, i, l:exists(function(x) return x == 5 end), l:all(function(x) return x > 0 end), l:all(function(x) return x > 4 end))
