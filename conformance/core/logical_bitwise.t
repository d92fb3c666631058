-- and/or/not on integers are bitwise.
terra band(a : int, b : int) return a and b end
terra bor(a : int, b : int) return a or b end
terra bnot(a : int) return not a end
print(band(12, 10), bor(12, 10), bnot(0), bnot(5))
terra special() return 1 or 2 end
print(special())
print(band:gettype())
