terra h() var a = 3.5; return terralib.atomicrmw("add", &a, 1.0, {ordering = "monotonic"}) end
h()
