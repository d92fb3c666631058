-- A variadic Terra function called from Lua with extra arguments of
-- several shapes; it reads them back with va_arg in C.
local C = terralib.includecstring [[
#include <stdarg.h>
#include <stdio.h>
typedef struct { int x, y; } pt;
double vsum(const char *kinds, va_list ap) {
  double s = 0;
  for (const char *k = kinds; *k; k++) {
    switch (*k) {
    case 'd': s += va_arg(ap, double); break;
    case 'i': s += va_arg(ap, int); break;
    case 'l': s += (double)va_arg(ap, long long); break;
    case 'b': s += va_arg(ap, int) ? 1000 : 0; break;
    case 's': s += strlen(va_arg(ap, const char *)); break;
    case 'p': { pt *p = va_arg(ap, pt *); s += p->x * 10 + p->y; p->x = -1; break; }
    case 'n': s += va_arg(ap, void *) == 0 ? 0.25 : 100; break;
    }
  }
  return s;
}
size_t strlen(const char *);
]]
local vastart = terralib.intrinsic("llvm.va_start", {&int8} -> {})
local vaend = terralib.intrinsic("llvm.va_end", {&int8} -> {})
terra sum(kinds : rawstring, ...) : double
  var ap : int64[3]
  var p = [&int8](&ap)
  vastart(p)
  var s = C.vsum(kinds, [C.vsum.type.parameters[2]](p))
  vaend(p)
  return s
end
print(sum(""))
print(sum("d", 1.5))
print(sum("ddd", 1, 2, 3))
print(sum("dd", 10, 20))            -- same shape as a previous call
print(sum("ib", terralib.new(int16, -7), true))
print(sum("lb", terralib.new(int64, 4000000000), false))
print(sum("s", "hello"))
print(sum("n", nil))
local q = terralib.new(C.pt, {3, 4})
print(sum("p", q), q.x)
print(sum("dsidb", 0.5, "abc", terralib.new(uint8, 200), 0.25, true))
-- through a pointer to the function
local fp = sum:getpointer()
print(fp("dd", 1, 2))
