local a, b = terralib.newlist { 1 }, terralib.newlist { 2, 3 }
local c = a .. b
print(#c, c[3], terralib.islist(c))
