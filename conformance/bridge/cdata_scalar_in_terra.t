-- Scalar cdata used in Terra code are constants of their own type.
local five = terralib.new(int8, 5)
local big = 123456789012LL
local u = 7ULL
terra f() return five + 1 end
terra g() return big end
terra h() return u end
print(f(), f:gettype(), g(), g:gettype(), h:gettype())
