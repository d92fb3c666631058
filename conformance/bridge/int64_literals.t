-- 1LL / 1ULL literals in Lua code are boxed 64-bit integers.
print(1LL, 1ULL, -1LL, 0x10LL, 0xffffffffffffffffULL, 9223372036854775807LL)
print(type(1LL), terralib.typeof(5LL), terralib.typeof(5ULL))
