terra h() var a = 3; return terralib.atomicrmw("add", &a, 4, {}) end
h()
