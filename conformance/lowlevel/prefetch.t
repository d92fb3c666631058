terra f() var a : int[16]; for i = 0, 16 do a[i] = i end
  var s = 0; for i = 0, 16 do terralib.prefetch(&a[i], 0, 3, 1); s = s + a[i] end; return s end
print(f())
