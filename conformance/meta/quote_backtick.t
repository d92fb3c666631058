local q = `2 * 21
terra f() return q end
print(f())
