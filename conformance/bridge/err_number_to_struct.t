-- A number is not a struct.
struct P { x : int }
terra f(p : P) : int return p.x end
f(5)
