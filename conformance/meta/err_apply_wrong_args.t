struct P { a : int }
P.metamethods.__apply = terra(self : &P, x : int) return self.a + x end
terra f() var p = P { 1 }
  return p(1, 2)
end
f()
