-- bool results are Lua booleans.
terra lt(a : int, b : int) : bool return a < b end
print(lt(1, 2), lt(2, 1), type(lt(1, 2)))
