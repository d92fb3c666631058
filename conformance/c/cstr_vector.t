-- GCC vector types map to Terra vectors and pass in SSE registers.
local C = terralib.includecstring [[
typedef float f4 __attribute__((vector_size(16)));
f4 splat(float x) { f4 v = { x, x * 2, x * 3, x * 4 }; return v; }
f4 twice(f4 v) { return v + v; }
float hsum(f4 v) { return v[0] + v[1] + v[2] + v[3]; }
]]
terra f() : float
  var r = C.twice(C.splat(1.25f))
  return C.hsum(r)
end
print(f(), C.f4 == vector(float, 4))
