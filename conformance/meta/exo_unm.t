struct N { v : int }
N.metamethods.__unm = terra(a : N) return N { -a.v * 2 } end
terra f() return (-N { 4 }).v end
print(f())
