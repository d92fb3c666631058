-- Struct fields may be separated by newlines as well as by , and ;.
struct S {
  a : int
  b : double
  c : int8, d : int16; e : bool
}
terra f() : double
  var s = S { 1, 0.5, 2, 3, true }
  if s.e then return s.a + s.b + s.c + s.d end
  return 0
end
print(f(), terralib.sizeof(S))
