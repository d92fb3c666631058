local a = global(int[4], {1, 2, 3, 4})
terra total() var s = 0; for i = 0, 4 do s = s + a[i] end; return s end
print(total())
terra bump() for i = 0, 4 do a[i] = a[i] * 10 end end
bump()
print(total(), a:get()[3])
