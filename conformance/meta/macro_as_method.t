struct C { n : int }
C.methods.bump = macro(function(self, k) return quote self.n = self.n + k end end)
terra f() var c = C { 1 }; c:bump(5); c:bump(10); return c.n end
print(f())
