-- An array cdata converts to a pointer to its first element.
terra fill(p : &int, n : int) for i = 0, n do p[i] = i * i end end
local a = terralib.new(int[5])
fill(a, 5)
print(a[0], a[1], a[2], a[3], a[4])
