-- Shifts and rotates take the shift count modulo 32.
print(bit.lshift(1, 4), bit.lshift(1, 31), bit.lshift(1, 32), bit.rshift(-1, 28), bit.arshift(-256, 4))
print(bit.rol(0x12345678, 8), bit.ror(0x12345678, 8), bit.bswap(0x12345678))
