-- A flexible array member: the struct is allocated with room for the tail.
local C = terralib.includecstring [[
#include <stdlib.h>
struct Vec { int n; int items[]; };
struct Vec *mkvec(int n) { struct Vec *v = malloc(sizeof(struct Vec) + n * sizeof(int)); v->n = n; for (int i = 0; i < n; i++) v->items[i] = i * 10; return v; }
]]
terra f() : int
  var v = C.mkvec(5)
  var s = 0
  for i = 0, v.n do s = s + v.items[i] end
  C.free(v)
  return s
end
print(f(), terralib.sizeof(C.Vec))
