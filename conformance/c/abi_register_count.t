-- System V register accounting: a hidden result pointer takes an integer
-- register, and scalars that find no register left go to the stack one by
-- one. An aggregate that needs only SSE registers must still travel in them
-- however many integers spilled before it; in both directions (Terra calling
-- C, and C calling a Terra function).
local C = terralib.includecstring [[
typedef struct { double x; double y; } dpair;
typedef struct { long a, b, c, d; } quad;
typedef struct { float x; float y; } fpair;

quad spill_ints_then_sse(long i1, long i2, long i3, long i4, long i5, long i6,
                         long i7, dpair p) {
  quad q;
  long t = i1 + 2*i2 + 3*i3 + 4*i4 + 5*i5 + 6*i6 + 7*i7 + (long)(100*p.x) + (long)(1000*p.y);
  q.a = t; q.b = -t; q.c = 2*t; q.d = 3;
  return q;
}

double spill_floats_then_int(double d1, double d2, double d3, double d4, double d5,
                             double d6, double d7, double d8, double d9,
                             fpair f, int n) {
  return d1 + d9 + 10*f.x + 100*f.y + 1000*n;
}

typedef quad (*quad_fn)(long, long, long, long, long, long, long, dpair);
long call_back(quad_fn f) {
  dpair p = { 1.0, 2.0 };
  quad q = f(1, 1, 1, 1, 1, 1, 1, p);
  return q.a + q.b + q.c + q.d;
}
]]

terra forward() : long
  var q = C.spill_ints_then_sse(1, 1, 1, 1, 1, 1, 1, C.dpair { 3.0, 4.0 })
  return q.a
end

terra forward2() : double
  return C.spill_floats_then_int(1, 2, 3, 4, 5, 6, 7, 8, 9, C.fpair { 2, 3 }, 4)
end

terra mine(i1 : long, i2 : long, i3 : long, i4 : long, i5 : long, i6 : long,
           i7 : long, p : C.dpair) : C.quad
  var mix : long = p.x * 10 + p.y * 100
  return C.quad { i1 + i7, 0, mix, 5 }
end

terra backward() : long
  return C.call_back(mine)
end

print(forward())
print(forward2())
print(backward())
