-- Union members share memory.
struct U { union { i : uint32, f : float } }
local u = terralib.new(U)
u.f = 1
print(u.i)
u.i = 1073741824
print(u.f)
