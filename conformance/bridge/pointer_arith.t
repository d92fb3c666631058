-- Pointers add and subtract integers (scaled by the element size) and subtract each other.
local a = terralib.new(double[5], {1, 2, 3, 4, 5})
local p = terralib.cast(&double, a)
local q = p + 3
print(q[0], (q - 1)[0], q - p, p - q, (2 + p)[0])
