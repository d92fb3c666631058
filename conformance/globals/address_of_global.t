local g = global(int, 7)
local p = global(&int, `&g)
terra f() @p = @p + 1; return g end
print(f(), g:get())
