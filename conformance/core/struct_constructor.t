-- Struct constructors, positional and by field name.
struct P { a : int, b : double }
terra f() : double
  var p = P { 2, 0.5 }
  var q = P { b = 1.5, a = 4 }
  return p.a * p.b + q.a * q.b
end
print(f())
