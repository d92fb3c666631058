-- malloc/free, abs and atoi from stdlib.h.
local C = terralib.includec("stdlib.h")
terra sum(n : int) : int
  var p = [&int](C.malloc(n * sizeof(int)))
  for i = 0, n do p[i] = i * i end
  var s = 0
  for i = 0, n do s = s + p[i] end
  C.free(p)
  return s
end
terra a() : int return C.abs(-9) + C.atoi("33") end
print(sum(5), a())
