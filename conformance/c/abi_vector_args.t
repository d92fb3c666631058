-- Vectors as C passes them: a struct holding one 16-byte vector travels in
-- a single SSE register, a struct holding an 8-byte integer vector in an
-- SSE register too, and vectors of at most 4 bytes as integers. Terra calls
-- C and C calls Terra back, with the same conventions.
local C = terralib.includecstring [[
typedef float f4 __attribute__((vector_size(16)));
typedef int i2 __attribute__((vector_size(8)));
typedef char c4 __attribute__((vector_size(4)));
typedef struct { f4 v; } wrapf4;
typedef struct { i2 v; int extra; } wrapi2;
typedef struct { c4 v; } wrapc4;

wrapf4 scale(wrapf4 a, float k, wrapf4 b) {
  wrapf4 r; r.v = a.v * k + b.v; return r;
}
int mix(wrapi2 a, c4 b, wrapc4 c) {
  return a.v[0] + 10 * a.v[1] + 100 * a.extra + 1000 * b[3] + 10000 * c.v[2];
}
typedef int (*mixer)(wrapi2, c4, wrapc4);
int call_mixer(mixer f) {
  wrapi2 a = { {1, 2}, 3 };
  c4 b = {0, 0, 0, 4};
  wrapc4 c = { {0, 0, 5, 0} };
  return f(a, b, c);
}
]]

terra forward() : float
  var a = C.wrapf4 { vector(1.0f, 2.0f, 3.0f, 4.0f) }
  var b = C.wrapf4 { vector(0.5f, 0.5f, 0.5f, 0.5f) }
  var r = C.scale(a, 2, b)
  return r.v[0] + 10 * r.v[3]
end

terra forward2() : int
  var a = C.wrapi2 { vector(7, 8), 9 }
  var c = C.wrapc4 { vector([int8](1), 2, 3, 4) }
  return C.mix(a, vector([int8](0), 0, 0, 6), c)
end

terra mymix(a : C.wrapi2, b : vector(int8, 4), c : C.wrapc4) : int
  return a.v[0] + 10 * a.v[1] + 100 * a.extra + 1000 * b[3] + 10000 * c.v[2]
end

terra backward() : int
  return C.call_mixer(mymix)
end

print(forward())
print(forward2())
print(backward())
