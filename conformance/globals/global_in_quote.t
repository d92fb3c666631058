local g = global(int, 0)
local function adder(n) return quote g = g + n end end
terra run() [adder(5)]; [adder(7)]; return g end
print(run())
