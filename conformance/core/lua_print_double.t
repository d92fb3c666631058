-- Lua prints numbers with %.14g: integral values without ".0".
local M = terralib.includec("math.h")
terra third() : double return 1.0 / 3.0 end
terra root2() : double return M.sqrt(2.0) end
terra five() : double return 5 end
print(third())
print(root2())
print(five(), 7 / 2, 4, 2 ^ 10, 1 / 3)
