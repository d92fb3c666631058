-- A union member is set by name; positionally only the first member is.
struct U { tag : int, union { i : int, f : float } }
terra asint(u : U) : int return u.i end
terra asfloat(u : U) : float return u.f end
print(asint({tag = 0, i = 42}), asfloat({tag = 1, f = 1.5}), asint({7, 9}))
local u = terralib.new(U, {f = 1})
print(u.i, u.f)
