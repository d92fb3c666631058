local g = global(int, 10)
terra inc() g = g + 1; return g end
print(inc(), inc())
print(g:get())
