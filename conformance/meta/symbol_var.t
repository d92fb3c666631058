local x = symbol(int, "x")
terra f() var [x] = 41; [x] = [x] + 1; return [x] end
print(f())
