struct N { v : int }
N.metamethods.__mul = terra(a : N, k : int) return N { a.v * k } end
terra f() return (N { 6 } * 7).v end
print(f())
