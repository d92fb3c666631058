struct N { v : int }
N.metamethods.__add = terra(k : int, a : N) return N { a.v + k } end
terra f() return (5 + N { 6 }).v end
print(f())
