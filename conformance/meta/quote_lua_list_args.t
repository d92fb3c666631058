local args = {}
for i = 1, 4 do args[i] = `i * i end
terra sum4(a : int, b : int, c : int, d : int) return a + b + c + d end
terra f() return sum4([args]) end
print(f())
