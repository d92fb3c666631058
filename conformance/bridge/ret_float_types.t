-- float results widen to Lua numbers exactly; doubles are unchanged.
terra f() : float return 0.25 end
terra g() : float return 0.1 end
terra h() : double return 1e300 * 1e10 end
print(f(), g() == 0.1, string.format("%.9g", g()), h())
