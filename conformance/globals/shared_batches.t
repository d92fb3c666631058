local counter = global(int, 0)
terra a() counter = counter + 1; return counter end
print(a())
terra b() counter = counter + 10; return counter end
print(b())
print(a(), counter:get())
