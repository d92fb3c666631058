local m = terralib.createmacro(function(e) return `e * 3 end, function(x) return x * 4 end)
terra f() return m(5) end
print(f(), m(5))
