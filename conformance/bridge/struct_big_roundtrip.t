-- A struct passed in memory (larger than 16 bytes) round-trips by value.
struct B { a : int64, b : int64, c : int64, d : double }
terra twist(v : B) : B return B{v.d, v.c, v.b, v.a} end
local r = twist({1, 2, 3, 4.5})
print(r.a, r.b, r.c, r.d)
