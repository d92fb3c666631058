-- Lua calls a C function compiled from includecstring directly.
local C = terralib.includecstring [[
static inline int gcd(int a, int b) { while (b) { int t = a % b; a = b; b = t; } return a; }
double avg(double a, double b) { return (a + b) / 2; }
]]
print(C.gcd(84, 36), C.avg(1, 2))
