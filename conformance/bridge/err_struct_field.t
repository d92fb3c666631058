-- A table field that cannot convert names the field.
struct P { x : int, y : int }
terra f(p : P) : int return p.x end
f({x = 1, y = "no"})
