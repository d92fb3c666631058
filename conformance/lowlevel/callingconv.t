terra fast(x : int) return x * 3 end
fast:setcallingconv("fastcc")
terra cold(x : int) return x - 1 end
cold:setcallingconv("coldcc")
terra f(x : int) return fast(x) + cold(x) end
print(f(5))
print(fast(2), cold(2))
