-- Names and escapes take the Lua value at definition time.
local n = 5
terra getn() : int return n end
n = 100
print(getn())
local k = 3
terra addk(x : int) : int return x + [k] end
k = 1000
print(addk(1))
gscale = 7
terra scale(x : int) : int return x * gscale end
gscale = 9
print(scale(2))
