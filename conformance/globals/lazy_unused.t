local g = global(int, 5)
terra bad() var b : bool = g; return b end
terra good() return g end
print(good())
