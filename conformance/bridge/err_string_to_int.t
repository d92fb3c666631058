-- A value that cannot convert names the argument, the parameter and both types.
terra add(a : int, b : int) : int return a + b end
print(add(1, "two"))
