local n = macro(function(q) return q:asvalue() * 100 end)
terra f() return n(4) end
print(f())
