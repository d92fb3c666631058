terra g(x : int) return x + 1 end
local q = `g(41)
terra f() return q end
print(f())
