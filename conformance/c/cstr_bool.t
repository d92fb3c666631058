-- _Bool maps to bool.
local C = terralib.includecstring [[
#include <stdbool.h>
bool even(int x) { return x % 2 == 0; }
]]
terra f(x : int) : bool return C.even(x) end
print(f(4), f(7), C.even(10))
