-- Too many arguments from Lua is a Lua error too.
terra one(a : int) : int return a end
print(one(1, 2, 3))
