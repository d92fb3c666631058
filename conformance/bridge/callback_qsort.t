-- C's qsort sorts an array with a comparator written in Lua.
local C = terralib.includecstring [[
#include <stdlib.h>
]]
local calls = 0
local cmp = terralib.cast({&opaque, &opaque} -> int, function(a, b)
  calls = calls + 1
  local x, y = terralib.cast(&int, a)[0], terralib.cast(&int, b)[0]
  if x < y then return -1 elseif x > y then return 1 end
  return 0
end)
terra sort(a : &int, n : int, f : {&opaque, &opaque} -> int)
  C.qsort(a, n, sizeof(int), f)
end
local arr = terralib.new(int[8], {42, -7, 19, 0, 3, 3, 100, -50})
sort(arr, 8, cmp)
local out = {}
for i = 0, 7 do out[#out + 1] = arr[i] end
print(table.concat(out, " "), calls > 0)
