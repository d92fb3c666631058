-- Lua 5.1 (gopher-lua) does not order a number against a boxed integer.
print(1LL < 2)
