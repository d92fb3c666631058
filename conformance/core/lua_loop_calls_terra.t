-- Lua code calling a Terra function many times.
terra sq(x : double) : double return x * x end
local s = 0
for i = 1, 10 do s = s + sq(i) end
print(s)
