-- The fixed parameters of a variadic function are still required.
terra f(n : int, ...) : int return n end
print(f(1, 2))
print(f())
