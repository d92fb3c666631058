-- malloc, realloc and free manage a growing buffer.
local C = terralib.includec("stdlib.h")
terra f() : int
  var n = 4
  var p = [&int](C.malloc(n * sizeof(int)))
  for i = 0, n do p[i] = i * i end
  p = [&int](C.realloc(p, 2 * n * sizeof(int)))
  for i = n, 2 * n do p[i] = i * i end
  var s = 0
  for i = 0, 2 * n do s = s + p[i] end
  C.free(p)
  return s
end
print(f())
