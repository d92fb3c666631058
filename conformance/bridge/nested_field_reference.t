-- A nested struct field is a reference: writing through it changes the outer value.
struct In { x : int, y : int }
struct Out { a : In, arr : int[2] }
local o = terralib.new(Out)
o.a.x = 5
local inner = o.a
inner.y = 6
o.arr[1] = 9
print(o.a.x, o.a.y, o.arr[0], o.arr[1])
o.a = {7, 8}
print(inner.x, inner.y)
