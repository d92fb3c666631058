struct B { b : bool }
B.metamethods.__not = macro(function(x) return `B { not x.b } end)
terra f() var t = not B { false }; return t.b end
print(f())
