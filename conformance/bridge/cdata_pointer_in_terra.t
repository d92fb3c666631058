-- A pointer cdata used in Terra code is a constant holding its address.
local buf = terralib.new(int[4])
local p = terralib.cast(&int, buf)
terra store() p[1] = 11; p[3] = 33 end
store()
print(buf[1], buf[3], buf[0])
