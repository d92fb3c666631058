-- static inline functions are compiled by clang and callable from Terra.
local C = terralib.includecstring [[
static inline int sq(int x) { return x * x; }
static int helper(int x) { return x + 1; }
static inline int sq1(int x) { return helper(sq(x)); }
]]
terra f() : int return C.sq(7) + C.sq1(3) end
print(f())
