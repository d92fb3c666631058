-- Methods also work on a pointer to the struct.
struct C { n : int }
terra C:inc() : int self.n = self.n + 1 return self.n end
terra ptr(c : &C) : &C return c end
local c = terralib.new(C, {10})
local p = ptr(c)
print(p:inc(), p:inc(), c.n)
