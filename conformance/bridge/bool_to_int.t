-- A boolean passed to a number parameter is 0 or 1.
terra twice(x : int) : int return 2 * x end
terra half(x : double) : double return x / 2 end
print(twice(true), twice(false), half(true))
