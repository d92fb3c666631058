struct P { a : int, b : int }
local fld = "b"
terra f() var p = P { a = 1, [fld] = 2 }; return p.b * 10 + p.a end
print(f())
