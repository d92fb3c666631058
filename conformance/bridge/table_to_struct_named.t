-- A table without [1] initializes a struct by field name; missing fields are zero.
struct P { x : int, y : double }
terra show(p : P) : double return p.x * 10 + p.y end
print(show({x = 2, y = 0.25}), show({y = 3}), show({}), show({x = 1, other = 9}))
