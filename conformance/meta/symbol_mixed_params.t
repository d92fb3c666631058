local rest = { symbol(double, "y"), symbol(double, "z") }
terra f(x : double, [rest]) return x + [rest[1]] * [rest[2]] end
print(f(1, 2, 3))
