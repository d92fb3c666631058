local x = 10
local q = `x + 1
x = 20
terra f() return q end
print(f())
