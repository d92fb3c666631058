struct N { v : int }
local add = terralib.overloadedfunction("add", {
  terra(a : N, b : N) return N { a.v + b.v } end,
  terra(a : N, b : double) return N { a.v + [int](b * 10) } end,
})
N.metamethods.__add = add
terra f() return (N { 1 } + N { 2 }).v * 1000 + (N { 1 } + 0.5).v end
print(f())
