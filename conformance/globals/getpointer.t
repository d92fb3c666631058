local g = global(int, 5)
local p = g:getpointer()
terra get() return g end
p[0] = 9
print(get())
terra set(x : int) g = x end
set(13)
print(p[0])
