-- Structs are passed to and returned from functions by value.
struct Pair { a : int; b : int }
terra swap(p : Pair) : Pair return Pair { p.b, p.a } end
terra f() : int
  var p = swap(Pair { 1, 2 })
  return p.a * 10 + p.b
end
print(f())
