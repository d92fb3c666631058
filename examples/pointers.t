-- pointers.t: pointers, arrays and heap memory from C's stdlib.h.
local C = terralib.includec("stdio.h")
local S = terralib.includec("stdlib.h")

terra fill(p : &int, n : int)
  for i = 0, n do
    p[i] = i * i -- p[i] is @(p + i)
  end
end

terra sum(p : &int, n : int) : int
  var s = 0
  var e = p + n
  while p ~= e do
    s = s + @p
    p = p + 1
  end
  return s
end

terra demo(n : int) : int
  var heap = [&int](S.malloc(n * sizeof(int)))
  fill(heap, n)
  var total = sum(heap, n)
  S.free(heap)

  var arr : int[4] -- a value of type int32[4], on the stack
  fill(arr, 4)     -- arrays turn into pointers when passed as one
  var x = 10
  var px = &x
  @px = @px + sum(arr, 4)
  C.printf("x = %d\n", x)
  return total
end

print(demo(10))
