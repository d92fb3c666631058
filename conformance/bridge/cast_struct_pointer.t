-- Casting a struct cdata to a pointer type gives its address.
struct S { a : int, b : int }
local s = terralib.new(S, {1, 2})
local p = terralib.cast(&S, s)
local ints = terralib.cast(&int, s)
p.a = 10
print(s.a, ints[0], ints[1])
