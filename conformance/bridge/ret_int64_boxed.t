-- 64-bit results beyond 2^53 are boxed and keep every bit.
terra f() : int64 return 9007199254740993LL end
terra g() : uint64 return [uint64](-1) end
terra h() : int64 return [int64](-9223372036854775807LL - 1) end
print(f(), g(), h())
print(type(f()), terralib.typeof(f()), terralib.typeof(g()))
