-- int64/uint64 limits are exact boxed 64-bit values (a double cannot hold
-- 2^63-1), in Lua and when spliced into Terra code.
local lo, hi, uhi = int64:min(), int64:max(), uint64:max()
print(lo, hi, uhi, uint64:min())
print(terralib.type(lo), terralib.type(hi), terralib.type(uhi))
print(hi - 1, lo + 1, uhi - 1)
print(hi == 9223372036854775807LL, lo == -9223372036854775807LL - 1, uhi == 18446744073709551615ULL)
print(hi + 1 == lo, uhi + 1 == 0ULL)
print(tostring(hi), tostring(uhi))
terra limits() : {int64, int64, uint64}
  return { [int64:min()], [int64:max()], [uint64:max()] }
end
local t = limits()
print(t._0, t._1, t._2)
terra isMax(x : int64) : bool return x == [int64:max()] end
print(isMax(hi), isMax(hi - 1))
terra wrap(x : int64) : int64 return x + 1 end
print(wrap(hi))
