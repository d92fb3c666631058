local memcpy = terralib.intrinsic("llvm.memcpy.p0i8.p0i8.i64", {&opaque, &opaque, int64, bool} -> {})
terra f() var src : int[4]; var dst : int[4]
  for i = 0, 4 do src[i] = i * i; dst[i] = 0 end
  memcpy(&dst[0], &src[0], 16, false)
  return dst[0] + dst[1] + dst[2] + dst[3] end
print(f())
