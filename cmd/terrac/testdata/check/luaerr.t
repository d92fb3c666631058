terra bad() : int return true end
local t = nil
print(t.x)
