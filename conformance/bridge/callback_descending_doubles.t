-- A Lua comparator sorts doubles in descending order through qsort.
local C = terralib.includec("stdlib.h")
local desc = terralib.cast({&opaque, &opaque} -> int, function(a, b)
  local x, y = terralib.cast(&double, a)[0], terralib.cast(&double, b)[0]
  return (x < y and 1) or (x > y and -1) or 0
end)
local arr = terralib.new(double[5], {0.5, 2.25, -1, 9, 2.5})
terra sort(a : &double, f : {&opaque, &opaque} -> int) C.qsort(a, 5, 8, f) end
sort(arr, desc)
print(arr[0], arr[1], arr[2], arr[3], arr[4])
