-- p.field reads and writes a struct's field through a pointer.
struct S { a : int, b : double }
terra addr(s : &S) : &S return s end
local s = terralib.new(S, {1, 2})
local p = addr(s)
p.a = 42
print(s.a, p.b, terralib.typeof(p))
