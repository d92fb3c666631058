struct P { a : int; b : int }
terra f() var p : P; terralib.attrstore(&p, P{3, 4}, {align = 4}); var q = terralib.attrload(&p, {}); return q.a * q.b end
print(f())
