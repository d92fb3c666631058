local c = constant(uint64, 4294967296)
terra f() return c + 1 end
print(f(), c:get())
