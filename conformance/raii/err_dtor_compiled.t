-- A __dtor that takes the object by value is reported even when the
-- destructor itself is the first function compiled.
struct A { x : int }
local d = terra(self : A) end
A.methods.__dtor = d
d:compile()
