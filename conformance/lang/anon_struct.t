-- {a = ...} constructors have anonymous struct types
terra f() : double
  var s = {a = 1, b = 2.5}
  s.a = s.a + 1
  return s.a + s.b
end
print(f())
struct P { x : int; y : int }
terra g() : int
  var p : P = {y = 3, x = 4}
  return p.x * 10 + p.y
end
print(g())
