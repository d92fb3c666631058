local q = quote var t = 6 in t * 7 end
terra f() return q end
print(f())
