-- Literal suffixes pick the type: U uint32, LL int64, ULL uint64, f float.
local C = terralib.includec("stdio.h")
terra lits() return 1, 1U, 1LL, 1ULL, 1.5, 1.5f end
print(lits:gettype())
terra big()
  C.printf("%u %lld %llu %.1f %d\n", 4000000000U, 10000000000LL, 18446744073709551615ULL, 2.5f, 0xff)
end
big()
