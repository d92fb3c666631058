-- bit operations on boxed 64-bit integers work on all 64 bits.
print(bit.band(0xff00000000LL, 0xf000000000LL), bit.lshift(1LL, 40), bit.bnot(0ULL), bit.tohex(1LL))
