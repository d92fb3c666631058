local a = global(int, 1)
local p = global(&int, `&a)
local b = global(int, `@p)
