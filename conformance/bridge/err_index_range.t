-- Array cdata check their bounds.
local a = terralib.new(int[3])
print(a[3])
