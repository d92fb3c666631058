local a = global(int, 1)
local b = global(int, `a + 1)
