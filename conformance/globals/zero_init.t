local g = global(double)
local h = global(int64)
terra f() h = h + 7; return g, h end
local r = f()
print(r._0, r._1)
