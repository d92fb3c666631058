-- Small structs of floats travel in SSE registers both ways.
local C = terralib.includecstring [[
typedef struct { float x, y; } V2;
typedef struct { float x, y, z; } V3;
V2 add2(V2 a, V2 b) { V2 r = { a.x + b.x, a.y + b.y }; return r; }
V3 cross(V3 a, V3 b) { V3 r = { a.y*b.z - a.z*b.y, a.z*b.x - a.x*b.z, a.x*b.y - a.y*b.x }; return r; }
]]
local S = terralib.includec("stdio.h")
terra f()
  var a : C.V2 = { 1.5f, 2.0f }
  var b : C.V2 = { 0.25f, -1.0f }
  var c = C.add2(a, b)
  var x : C.V3 = { 1, 0, 0 }
  var y : C.V3 = { 0, 1, 0 }
  var z = C.cross(x, y)
  S.printf("%g %g | %g %g %g\n", c.x, c.y, z.x, z.y, z.z)
end
f()
