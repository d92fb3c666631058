local g = global(int, 1)
g:setinitializer(`40 + 2)
terra f() return g end
print(f())
print(pcall(function() g:setinitializer(`5) end))
