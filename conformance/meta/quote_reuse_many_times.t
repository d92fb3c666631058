local q = `3
terra f() return q + q + q end
print(f())
