-- Nested structs are values: copying copies the inner struct too.
struct Inner { a : int; b : int }
struct Outer { i : Inner; c : int }
terra f() : int
  var o : Outer
  o.i.a = 1
  o.i.b = 2
  o.c = 3
  var copy = o
  copy.i.a = 100
  return o.i.a + o.i.b * 10 + o.c * 100 + copy.i.a * 1000
end
print(f())
print(terralib.sizeof(Outer))
