-- Floating-point arithmetic in double and float; int meets double as double.
terra f(a : double, b : double) : double return a / b end
print(f(7, 2))
terra g(x : float) : float return x * 2.5f end
print(g(1.5))
terra h() : double return 1 + 0.25 end
print(h())
terra neg(x : double) : double return -x end
print(neg(0.5))
