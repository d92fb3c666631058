-- Indexing a NULL pointer is an error, not a crash.
local p = terralib.cast(&int, 0)
print(p[0])
