-- % on floating point values works like fmod
terra f(a : double, b : double) : double return a % b end
print(f(3.75, 2), f(-7.5, 2), f(10, 3))
terra g(a : float) : float return a % 1.5f end
print(g(4))
