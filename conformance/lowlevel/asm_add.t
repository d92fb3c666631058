terra inc(a : int) return terralib.asm(int, "addl $$1, $0", "=r,0", false, a) end
print(inc(41), inc(-1))
