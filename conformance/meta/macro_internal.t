local m = terralib.internalmacro(function(diag, tree, a, b) return `a - b end)
terra f() return m(10, 4) end
print(f())
