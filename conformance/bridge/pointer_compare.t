-- Pointers compare by address.
local a = terralib.new(int[3])
local p = terralib.cast(&int, a)
local q = p + 1
print(p == p + 0, p == q, p ~= q, p < q, q <= p)
