struct V { x : int }
V.metamethods.__add = macro(function(a, b) return `V { a.x + b.x + 1000 } end)
terra f() return (V { 1 } + V { 2 }).x end
print(f())
