-- A NULL pointer prints as NULL; casting 0 to a pointer gives one.
local p = terralib.cast(&int, 0)
print(tostring(p), terralib.typeof(p))
local q = terralib.cast(&int8, 4096)
print(tostring(q))
