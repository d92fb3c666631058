-- __apply also works through a pointer to the struct.
struct Poly { c0 : double, c1 : double }
Poly.metamethods.__apply = terra(self : &Poly, x : double) return self.c0 + self.c1 * x end
terra run()
  var p = Poly { 1, 2 }
  var q = &p
  return p(3) + q(10)
end
print(run())
