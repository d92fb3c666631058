local ns = { inner = { k = 9 } }
terra f() return ns.inner.k + 1 end
print(f())
