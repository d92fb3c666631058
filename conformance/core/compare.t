-- Comparison operators produce bool, which Lua receives as a boolean.
terra lt(a : int, b : int) return a < b end
terra le(a : int, b : int) return a <= b end
terra eq(a : int, b : int) return a == b end
terra ne(a : int, b : int) return a ~= b end
terra gt(a : double, b : double) return a > b end
terra ge(a : double, b : double) return a >= b end
print(lt(1, 2), lt(2, 1), le(2, 2), eq(3, 3), ne(3, 3), gt(2.5, 2), ge(1, 1.5))
print(lt:gettype())
