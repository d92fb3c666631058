struct A { v : int }
struct B { v : int }
local f = terralib.overloadedfunction("f", {terra(a : A) return a.v end, terra(b : B) return b.v * 100 end})
terra use() return f(A{1}) + f(B{2}) end
print(use())
