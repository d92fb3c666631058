-- ^ is xor and binds tighter than unary minus
terra f() : int return 2 ^ 3 end
terra g() : int return -2 ^ 1 end
terra h() : int return 1 + 6 ^ 3 * 2 end
print(f(), g(), h())
