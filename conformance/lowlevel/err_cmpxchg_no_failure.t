terra h() var a = 3; return terralib.cmpxchg(&a, 3, 4, {success_ordering = "seq_cst"}) end
h()
