-- Headers that mention the half-precision types import: the x86
-- intrinsics headers declare _Float16 vectors, which clang only compiles
-- for CPUs that have them.
local C = terralib.includecstring [[
#include <immintrin.h>
float add4(__m128 v) { float t[4]; _mm_storeu_ps(t, v); return t[0] + t[1] + t[2] + t[3]; }
int plain(int x) { return x + 1; }
]]
terra f() : float
  return C.add4(vector(1.f, 2.f, 3.f, 4.f)) + C.plain(1)
end
print(f())
print(C.__m128)
