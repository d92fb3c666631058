local function ret(v) return quote return v end end
terra f(x : int) if x > 0 then [ret(`1)] end [ret(`-1)] end
print(f(3), f(-3))
