-- Strings convert to numbers as in Lua 5.1 (C's strtod): exponents,
-- hexadecimal, infinities and NaN; a leading zero is not octal; an
-- out-of-range value is infinite. math.huge is an infinity.
print(tonumber("1e3"), tonumber("2.5E-1"), tonumber(" 010 "), "010" + 1)
print(tonumber("0x1F"), tonumber("-0x10"), tonumber("ff", 16), tonumber("777", 8))
print(tonumber("1e999") == math.huge, math.huge == 1/0, -math.huge < -1e308)
local nan = tonumber("NaN")
print(nan ~= nan, tonumber("inf") == math.huge, tonumber("-Infinity") == -math.huge)
print(tonumber("1_000"), tonumber("0b11"), tonumber(""), tonumber("1e"), tonumber("12abc"))
terra isnan(x : double) : bool return x ~= x end
print(isnan(nan), isnan(1.5))
