local counter = global(int64, 0)
terra bump(n : int) for i = 0, n do terralib.atomicrmw("add", &counter, 2, {ordering = "seq_cst"}) end; return counter end
print(bump(10), counter:get())
