-- uint64 arithmetic wraps modulo 2^64; mixing with int64 gives uint64.
print(0ULL - 1, 18446744073709551615ULL + 2, 1ULL + -2LL)
print(9223372036854775807LL + 1)
