-- g:get() of a struct or array global is a reference into the global,
-- as ptr[0] is under LuaJIT: assigning to its fields changes the global.
struct Pair { x : int; y : int }
local p = global(Pair)
local arr = global(int[3])
p:get().x = 4
p:get().y = p:get().x + 1
arr:get()[2] = 9
terra sum() return p.x + p.y + arr[2] end
print(sum())
local ref = p:get() -- still a reference, not a copy
ref.x = 100
print(p:get().x, sum())
