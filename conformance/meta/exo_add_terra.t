struct V { x : int, y : int }
V.metamethods.__add = terra(a : V, b : V) return V { a.x + b.x, a.y + b.y } end
terra f() var r = V { 1, 2 } + V { 10, 20 }; return r.x * 100 + r.y end
print(f())
