terra g() return 1 end
local x = global(int, `g())
