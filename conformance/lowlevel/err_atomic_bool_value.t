terra h() var a = 3; return terralib.atomicrmw("add", &a, true, {ordering = "monotonic"}) end
h()
