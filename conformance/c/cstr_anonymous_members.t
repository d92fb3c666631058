-- Unnamed nested structs and unions become fields _0, _1, ...
local C = terralib.includecstring [[
struct A { int kind; union { int i; float f; }; struct { short lo, hi; }; };
int size_a(void) { return sizeof(struct A); }
]]
terra f() : int
  var a : C.A
  a.kind = 1
  a._1.i = 41
  a._2.lo, a._2.hi = 1, 0
  return a._1.i + a._2.lo
end
print(f(), terralib.sizeof(C.A) == C.size_a())
