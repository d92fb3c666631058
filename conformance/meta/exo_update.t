-- obj(args) = rhs goes through __update (a Terra function taking &S, or a macro).
struct A { a : int; b : int }
A.metamethods.__update = terra(self : &A, a : int, b : int)
  self.a = a
  self.b = b
end
A.metamethods.__apply = terra(self : &A, a : int) return a + self.b end
struct B { a : int }
B.metamethods.__update = macro(function(me, i, j, rhs)
  return quote me.a = i * 100 + j * 10 + rhs end
end)
terra f()
  var a : A
  a(4) = 5
  var b : B
  b(3, 4) = 5
  var pb = &b
  pb(1, 2) = b.a
  return a.a, a.b, a(3), b.a
end
local r = f()
print(r._0, r._1, r._2, r._3)
