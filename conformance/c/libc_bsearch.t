-- bsearch with a Terra comparator finds a key in a sorted array.
local C = terralib.includec("stdlib.h")
terra cmp(a : &opaque, b : &opaque) : int
  return @[&int](a) - @[&int](b)
end
terra find(k : int) : int
  var a : int[6]
  for i = 0, 6 do a[i] = 2 * i + 1 end
  var p = [&int](C.bsearch(&k, &a[0], 6, sizeof(int), cmp))
  if p == nil then return -1 end
  return p - &a[0]
end
print(find(7), find(4), find(1), find(11))
