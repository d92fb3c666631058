-- unpackstruct from Lua with a field range
struct P { a : int; b : int; c : int }
terra mk() : P return P { 1, 2, 3 } end
local p = mk()
print(unpackstruct(p, 2))
print(unpackstruct(p, 1, 2))
print(unpackstruct(5))
