local ps = terralib.newlist()
for i = 1, 5 do ps:insert(symbol(int, "p"..i)) end
local sum = `0
for _, p in ipairs(ps) do sum = `sum + p end
terra f([ps]) return sum end
print(f(1, 2, 3, 4, 5))
