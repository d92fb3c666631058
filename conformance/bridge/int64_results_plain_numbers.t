-- 64-bit integer results reach Lua as plain numbers while they are exact
-- (within ±2^53); beyond that they stay boxed 64-bit values. A null
-- pointer result is nil.
terra small() : int64 return 42 end
terra big() : int64 return 9007199254740993LL end
terra nothing() : &int return nil end
print(type(small()), small() + 1)
print(type(big()) ~= "number", tostring(big()))
print(nothing() == nil)
