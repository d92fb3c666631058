-- Enumeration constants get the values clang computes, even where C leaves
-- the result undefined: a shift count at or past the width of int is
-- clamped to 31, and arithmetic wraps around in 32 bits.
local E = terralib.includecstring [[
enum flags {
  TOP = 1 << 31,
  PAST = 1 << 40,
  BELOW_TOP = (1 << 31) - 1,
  NEG_PAST = -(1 << 36),
  OR_LOW = (1 << 50) | 3,
  PLAIN = (1 << 4) + 2
};
]]
print(E.TOP, E.PAST, E.BELOW_TOP, E.NEG_PAST, E.OR_LOW, E.PLAIN)
