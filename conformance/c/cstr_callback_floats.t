-- C calls back into Terra with float structs and many scalar arguments.
local C = terralib.includecstring [[
typedef struct { float a, b; } F2;
typedef float (*cb)(F2, double, char, F2, long);
float drive(cb f) { F2 x = { 1.5f, 2.5f }; F2 y = { -1.0f, 0.5f }; return f(x, 10.0, 3, y, 100000000000L); }
]]
terra g(x : C.F2, d : double, c : int8, y : C.F2, l : int64) : float
  return x.a + x.b + d + c + y.a + y.b + l / 100000000000
end
print(C.drive(g))
