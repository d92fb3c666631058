-- terra T.methods.m with a by-value self; T.m as a static reference.
struct V { x : double, y : double }
terra V.methods.dot(a : V, b : V) : double return a.x * b.x + a.y * b.y end
terra f() : double
  var u = V { 1, 2 }
  var w = V { 3, 4 }
  return u:dot(w) + V.dot(u, u)
end
print(f())
print(V.methods.dot:gettype())
