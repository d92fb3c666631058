local a = global(3)
local b = global(2.5)
local c = global(true)
print(a:gettype(), b:gettype(), c:gettype())
terra f() return a + 1, b * 2, not c end
local r = f()
print(r._0, r._1, r._2)
