-- local terra binds a Lua local, not a global.
local terra sq(x : int) : int return x * x end
print(sq(5))
print(rawget(_G, "sq") == nil)
terra gsq(x : int) : int return x * x end
print(rawget(_G, "gsq") ~= nil, gsq(6))
