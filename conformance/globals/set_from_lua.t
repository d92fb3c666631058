local g = global(int, 1)
terra get() return g end
print(get())
g:set(42)
print(get(), g:get())
