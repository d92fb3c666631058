local twice = macro(function(e) return `e + e end)
terra f(x : int) return twice(x) end
print(f(21))
