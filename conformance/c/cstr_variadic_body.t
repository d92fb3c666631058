-- A variadic C function with a body, using <stdarg.h>, called from Terra.
local C = terralib.includecstring [[
#include <stdarg.h>
int sumints(int n, ...) { va_list ap; va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, int); va_end(ap); return s; }
double sumd(int n, ...) { va_list ap; va_start(ap, n); double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, double); va_end(ap); return s; }
]]
terra f() return C.sumints(4, 1, 2, 3, 4) + C.sumd(3, 0.5, 0.25, 0.125) end
print(f())
