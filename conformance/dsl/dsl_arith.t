-- An expression language defined with the Pratt library: precedence,
-- associativity, parentheses and Lua locals seen through the environment.
import "lib.arith"

print(calc 1 + 2 * 3 end)
print(calctree 1 + 2 * 3 - 4 end)
print(calctree 2 ^ 3 ^ 2 end, calc 2 ^ 3 ^ 2 end)
print(calctree 10 - 4 - 3 end, calc 10 - 4 - 3 end)
print(calc (1 + 2) * -3 end)

local width, height = 7, 6
local function area() return calc width * height end end
print(area())
for i = 1, 3 do
  print(i, calc i * i + 1 end)
end

-- Globals are visible too, through the environment's fallback.
scale = 2.5
print(calc scale * 4 % 3 end)

-- The entry point is only a keyword where the language is imported.
local t = { calc = 5 }
print(t.calc)
