-- Boxed integers convert to any numeric parameter.
terra d(x : double) : double return x end
terra i(x : int) : int return x end
terra u(x : uint8) : int return x end
print(d(3LL), i(-4LL), u(257ULL))
