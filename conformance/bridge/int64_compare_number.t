-- Boxed integers compare with Lua numbers (as LuaJIT's cdata do): exactly
-- for integral numbers, as doubles for fractions.
print(1LL < 2, 2 <= 2LL, 5LL == 5, 5 == 5LL, 5LL ~= 6, 5LL < 5.5, 9007199254740993LL > 2^53)
print(18446744073709551615ULL > 1.8e19, -1LL < 0, 0ULL < -1) -- -1 converts to uint64 as in C
