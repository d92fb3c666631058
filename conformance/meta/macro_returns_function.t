terra sq(x : int) return x * x end
local get = macro(function() return sq end)
terra f() return get()(9) end
print(f())
