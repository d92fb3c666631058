local q = `[int8](200)
terra f() return q end
print(f())
