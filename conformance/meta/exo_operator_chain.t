struct C { re : double, im : double }
C.metamethods.__add = terra(a : C, b : C) return C { a.re + b.re, a.im + b.im } end
C.metamethods.__mul = terra(a : C, b : C) return C { a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re } end
terra f() var i = C { 0, 1 }; var r = i * i + C { 3, 0 }; return r.re * 10 + r.im end
print(f())
