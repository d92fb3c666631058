local a, b = symbol(int, "a"), symbol(int, "b")
terra f([a], [b]) return [a] - [b] end
print(f(10, 3))
