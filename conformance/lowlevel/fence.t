local g = global(int, 0)
terra f() g = 1; terralib.fence({ordering = "seq_cst"}); terralib.fence({ordering = "acquire", syncscope = "singlethread"}); return g end
print(f())
