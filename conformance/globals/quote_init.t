local g = global(int, `2 * 3 + 1)
terra f() return g end
print(f())
