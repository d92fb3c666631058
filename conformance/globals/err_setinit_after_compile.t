local g = global(int, 1)
terra f() return g end
f()
g:setinitializer(`2)
