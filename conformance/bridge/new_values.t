-- terralib.new makes zeroed values, or initialized from its second argument.
struct P { x : int, y : double }
local a = terralib.new(P)
local b = terralib.new(P, {1, 2.5})
local c = terralib.new(int[3], {7, 8})
local d = terralib.new(double[2])
print(a.x, a.y, b.x, b.y, c[0], c[1], c[2], d[1])
