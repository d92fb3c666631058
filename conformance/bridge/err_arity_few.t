-- Too few arguments from Lua is a Lua error naming the function.
terra add(a : int, b : int) : int return a + b end
print(add(1))
