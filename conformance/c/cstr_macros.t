-- Numeric macros are exported as Terra exports them: a single numeric
-- literal, optionally negated. Parenthesized or computed values, macros
-- naming other macros, and strings are left out; so is an integer a Lua
-- number cannot hold exactly. A literal's 64 bits are read as signed.
local C, T, M = terralib.includecstring [[
#define ANSWER 42
#define HEX 0x1F
#define NEG -7
#define PAREN_NEG (-7)
#define HALF 0.5
#define SINGLE 2.5f
#define EXPR (ANSWER * 2 + 1)
#define ALIAS ANSWER
#define BIG 10000000000LL
#define ALL_ONES 0xFFFFFFFFFFFFFFFFULL
#define INEXACT 9007199254740993
#define NAME "not a number"
]]
print(C.ANSWER, C.HEX, C.NEG, C.HALF, C.SINGLE, C.BIG, C.ALL_ONES, M.ANSWER)
for _, name in ipairs { "PAREN_NEG", "EXPR", "ALIAS", "INEXACT", "NAME" } do
  io.write(name, "=", tostring(rawget(C, name)), " ")
end
print()
