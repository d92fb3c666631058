-- Assigning a field a struct does not have is an error.
struct S { a : int }
local s = terralib.new(S)
s.zz = 1
