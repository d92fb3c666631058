-- More arguments than registers: the rest go on the stack.
local C = terralib.includecstring [[
double many(int a, double b, int c, double d, int e, double f, int g, double h,
            int i, double j, int k, double l, int m, double n, int o, double p, int q, double r) {
  return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r;
}
typedef struct { double x, y; } D2;
double late(double a, double b, double c, double d, double e, double f, double g, D2 s) { return a+b+c+d+e+f+g + s.x * s.y; }
]]
terra f()
  var s : C.D2 = { 3, 4 }
  return C.many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18.5) + C.late(1, 1, 1, 1, 1, 1, 1, s) * 1000
end
print(f())
