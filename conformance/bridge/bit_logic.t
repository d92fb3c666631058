-- The bit module: results are signed 32-bit numbers (LuaJIT BitOp).
print(bit.band(0xff, 0x0f, 0x3c), bit.bor(1, 2, 4), bit.bxor(5, 3), bit.bnot(0), bit.bnot(5))
print(bit.tobit(0xffffffff), bit.tobit(2^40 + 1234), bit.tobit(-1), bit.bor(0x80000000, 0))
