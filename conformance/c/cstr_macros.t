-- Numeric macros: integers, hex, negative, float and expressions.
local C, T, M = terralib.includecstring [[
#define ANSWER 42
#define HEX 0x1F
#define NEG (-7)
#define HALF 0.5
#define EXPR (ANSWER * 2 + 1)
#define BIG 10000000000LL
#define NAME "not a number"
]]
print(C.ANSWER, C.HEX, C.NEG, C.HALF, C.EXPR, C.BIG, M.ANSWER, rawget(C, "NAME"))
