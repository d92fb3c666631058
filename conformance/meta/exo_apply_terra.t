struct Poly { a : double, b : double }
Poly.metamethods.__apply = terra(self : &Poly, x : double) return self.a * x + self.b end
terra f() var p = Poly { 2, 1 }; return p(10) end
print(f())
