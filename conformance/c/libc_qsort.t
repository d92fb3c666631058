-- qsort calls back into a Terra comparator through a function pointer.
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")
terra cmp(a : &opaque, b : &opaque) : int
  var x, y = @[&int](a), @[&int](b)
  if x < y then return -1 elseif x > y then return 1 end
  return 0
end
terra f()
  var a : int[7]
  a[0], a[1], a[2], a[3], a[4], a[5], a[6] = 5, 3, 9, -1, 4, 0, 7
  C.qsort(&a[0], 7, sizeof(int), cmp)
  for i = 0, 7 do S.printf("%d ", a[i]) end
  S.printf("\n")
end
f()
