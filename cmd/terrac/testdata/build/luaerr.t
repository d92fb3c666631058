terra main() : int return 0 end
local x = nil
print(x.field)
