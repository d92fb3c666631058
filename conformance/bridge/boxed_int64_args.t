-- Boxed 64-bit integers pass all 64 bits.
terra inc(x : int64) : int64 return x + 1 end
terra uinc(x : uint64) : uint64 return x + 1 end
print(inc(9007199254740993LL), uinc(18446744073709551614ULL), inc(41LL))
