local x = symbol("x")
terra f() var [x] = 2.5; return [x] * 2 end
print(f())
