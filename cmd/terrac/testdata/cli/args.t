-- arguments reach both `arg` and `...`
local n = select("#", ...)
print(n, arg[0], arg[1], arg[2], arg[3])
terra add(a : int, b : int) : int return a + b end
print(add(tonumber(arg[1]), tonumber((select(3, ...)))))
