-- p[i] reads and writes elements through a pointer.
local a = terralib.new(int[4], {1, 2, 3, 4})
local p = terralib.cast(&int, a)
p[2] = 30
print(p[0], p[1], p[2], a[2])
