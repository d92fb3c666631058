-- Nested structs keep C's layout; offsets agree with offsetof in C.
local C = terralib.includecstring [[
#include <stddef.h>
struct In { char c; double d; };
struct Out { short s; struct In inner; int tail[3]; };
int off_in(void) { return offsetof(struct Out, inner); }
int off_tail(void) { return offsetof(struct Out, tail); }
int size_out(void) { return sizeof(struct Out); }
int get(struct Out *o) { return o->inner.c + (int)o->inner.d + o->tail[2]; }
]]
terra f() : int
  var o : C.Out
  o.inner.c = 1 o.inner.d = 20.0 o.tail[2] = 300
  return C.get(&o)
end
print(f(), terralib.offsetof(C.Out, "inner") == C.off_in(), terralib.offsetof(C.Out, "tail") == C.off_tail(), terralib.sizeof(C.Out) == C.size_out())
