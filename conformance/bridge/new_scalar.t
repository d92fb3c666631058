-- terralib.new of a scalar type gives a cdata; tonumber reads it.
local i = terralib.new(int, 41)
local f = terralib.new(float, 0.5)
local b = terralib.new(int64, 2^40)
print(tonumber(i) + 1, tonumber(f), tonumber(b), terralib.typeof(i))
print(tonumber("12"), tonumber("ff", 16), tonumber({}))
