-- Lua numbers convert to integer parameters by truncation toward zero.
terra id(x : int) : int return x end
print(id(3.7), id(-3.7), id(0.5), id(-2147483648))
