-- Variadic methods called from Lua on struct cdata: obj:m(...) on a
-- value and on a pointer, through __luametatable (__index table and
-- function, __call), __getmethod, and a function pointer kept in
-- methods. Extra arguments take the vararg types and are read back in C.
local C = terralib.includecstring [[
#include <stdarg.h>
double vsum(const char *kinds, va_list ap) {
  double s = 0;
  for (const char *k = kinds; *k; k++) {
    switch (*k) {
    case 'd': s += va_arg(ap, double); break;
    case 'i': s += va_arg(ap, int); break;
    case 's': { const char *p = va_arg(ap, const char *); while (*p++) s += 1; break; }
    }
  }
  return s;
}
]]
local vastart = terralib.intrinsic("llvm.va_start", {&int8} -> {})
local vaend = terralib.intrinsic("llvm.va_end", {&int8} -> {})

struct Acc { total : double, calls : int }
terra Acc:add(kinds : rawstring, ...) : double
  var ap : int64[3]
  var p = [&int8](&ap)
  vastart(p)
  var s = C.vsum(kinds, [C.vsum.type.parameters[2]](p))
  vaend(p)
  self.total = self.total + s
  self.calls = self.calls + 1
  return self.total
end

local a = terralib.new(Acc, {0, 0})
print(a:add("d", 1.5))
print(a:add("dd", 2, 3))
print(a:add("sid", "four", terralib.new(int8, 10), 0.25))
print(a:add(""))
local pa = terralib.new(&Acc, a)
print(pa:add("d", 100))
print(a.total, a.calls)

-- A pointer to the method, stored as a method.
Acc.methods.addp = Acc.methods.add:getpointer()
print(a:addp("dd", 1, 1))

-- __getmethod answers method lookups from Lua too.
struct G { n : int }
terra G.methods.sum(self : &G, kinds : rawstring, ...) : double
  var ap : int64[3]
  var p = [&int8](&ap)
  vastart(p)
  var s = C.vsum(kinds, [C.vsum.type.parameters[2]](p))
  vaend(p)
  return s + self.n
end
G.metamethods.__getmethod = function(self, name)
  if name == "total" then return G.methods.sum end
  return G.methods[name]
end
local g = terralib.new(G, {1000})
print(g:total("ddd", 1, 2, 3))

-- __luametatable: the Lua-side lookup replaces the methods table.
struct L { n : int }
local lsum = terra(self : &L, kinds : rawstring, ...) : double
  var ap : int64[3]
  var p = [&int8](&ap)
  vastart(p)
  var s = C.vsum(kinds, [C.vsum.type.parameters[2]](p))
  vaend(p)
  return s * self.n
end
L.metamethods.__luametatable = {
  __index = function(self, k) if k == "scaled" then return lsum end end,
  __call = lsum,
}
local l = terralib.new(L, {3})
print(l:scaled("di", 2, terralib.new(int16, 5)))
print(l("s", "abcd"))
-- An __index table.
struct T { n : int }
terra tsum(self : &T, kinds : rawstring, ...) : double
  var ap : int64[3]
  var p = [&int8](&ap)
  vastart(p)
  var s = C.vsum(kinds, [C.vsum.type.parameters[2]](p))
  vaend(p)
  return s - self.n
end
T.metamethods.__luametatable = { __index = { less = tsum } }
local t = terralib.new(T, {10})
print(t:less("dd", 0.5, 0.25))
