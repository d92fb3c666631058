-- Number tokens reach a language with their Terra type; LL and ULL values
-- are boxed 64-bit integers that keep every bit (doubles would round).
import "lib.tokens"

print(tokens 7 2.5 1.5f 3LL 9007199254740993LL 0xffffffffffffffffULL 10ULL end)

-- The boxed values do arithmetic in 64 bits, as 1LL written in Lua does.
local big = tokval 9007199254740993LL end
print(big + 1, big == 9007199254740993LL, big - 9007199254740992LL, terralib.type(big))
local u = tokval 0xffffffffffffffffULL end
print(u, u + 1, u > 0)
terra half(x : int64) : int64 return x / 2 end
print(half(tokval 9007199254740994LL end) == 4503599627370497)
