local q = quote var a, b = 3, 4 in a, b end
terra f() var x, y = q; return x * 10 + y end
print(f())
