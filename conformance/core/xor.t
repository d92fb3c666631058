-- ^ is exclusive or and binds tighter than unary minus and +.
terra x(a : int, b : int) return a ^ b end
print(x(2, 3), x(12, 10), x(5, 5))
terra p() : int return -2 ^ 1 end
terra q() : int return 1 + 2 ^ 3 end
print(p(), q())
