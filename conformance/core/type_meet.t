-- Binary operators convert both sides to the larger type.
terra f() return 1 + 2.5 end
terra g(a : int, b : uint) return a + b end
terra h(a : int8, b : int64) return a * b end
terra k(a : float, b : double) return a + b end
terra m(a : float, b : int) return a + b end
print(f:gettype())
print(g:gettype())
print(h:gettype())
print(k:gettype(), m:gettype())
print(f(), m(0.5, 2))
