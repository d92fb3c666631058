-- Out-of-range numbers wrap to the parameter's width, as in C.
terra u8(x : uint8) : int return x end
terra i8(x : int8) : int return x end
terra u16(x : uint16) : int return x end
print(u8(300), u8(-1), i8(200), i8(-129), u16(65537))
