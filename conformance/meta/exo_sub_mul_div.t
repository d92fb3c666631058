struct N { v : double }
N.metamethods.__sub = terra(a : N, b : N) return N { a.v - b.v } end
N.metamethods.__mul = terra(a : N, b : N) return N { a.v * b.v } end
N.metamethods.__div = terra(a : N, b : N) return N { a.v / b.v } end
terra f() return ((N { 9 } - N { 3 }) * N { 2 } / N { 4 }).v end
print(f())
