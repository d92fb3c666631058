-- A struct constructor that leaves trailing fields out initializes a
-- constant; the missing fields are zero.
struct P { a : int; b : int; c : double; d : (&P)[2] }
local p = constant(`P { 3, 4 })
local q = constant(`p.b)
terra get() return p.a + p.b + q + p.c end
print(get())
