local tbl = constant(int[3], {10, 20, 30})
terra pick(i : int) return tbl[i] end
print(pick(0), pick(2))
