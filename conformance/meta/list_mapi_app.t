local l = terralib.newlist { 10, 20, 30 }
print(tostring(l:mapi(function(i, x) return i + x end)))
local s = 0
l:app(function(x) s = s + x end)
print(s)
