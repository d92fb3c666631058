local syms = terralib.newlist { symbol(int, "a"), symbol(double, "b") }
print(tostring(syms:map("type")))
local qs = terralib.newlist { `1, `2.5 }
print(tostring(qs:map("gettype")))
