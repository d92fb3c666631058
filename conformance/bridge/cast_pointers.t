-- terralib.cast reinterprets pointers and converts between pointers and integers.
local f = terralib.new(float[1], {1})
local bits = terralib.cast(&uint32, f)
print(bits[0])
local p = terralib.cast(&int, 64)
print(terralib.cast(uint64, p), terralib.cast(int64, p + 2))
print(terralib.cast(&int8, p) == terralib.cast(&int8, 64))
