-- 64-bit results that a double holds exactly are plain numbers, so == works.
terra f() : int64 return 1234567890123 end
terra g() : uint64 return 9007199254740992ULL end
terra h() : int64 return -9007199254740992LL end
print(f() == 1234567890123, type(f()), g() == 2^53, h() == -2^53)
