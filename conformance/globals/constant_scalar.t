local c = constant(int, 7)
local d = constant(2.5)
local b = constant(true)
terra f() return c * 2, d + 1, b end
local r = f()
print(r._0, r._1, r._2)
print(c:gettype(), d:gettype(), b:gettype())
print(terralib.isconstant(c), terralib.isglobalvar(c))
