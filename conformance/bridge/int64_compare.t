-- Boxed integers compare by value with each other (64-bit exact).
local a, b = 9007199254740993LL, 9007199254740992LL
print(a == b, a == 9007199254740993LL, a > b, b < a, a <= a, 1ULL == 1LL)
print(-1LL < 0LL, 0ULL < 18446744073709551615ULL)
