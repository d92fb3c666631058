-- <string.h>: memset, memcpy, memmove and memcmp on Terra arrays.
local C = terralib.includec("string.h")
local S = terralib.includec("stdio.h")
terra f()
  var a : int8[16]
  var b : int8[16]
  C.memset(&a[0], 7, 16)
  C.memcpy(&b[0], &a[0], 16)
  b[3] = 1
  C.memmove(&b[1], &b[0], 8)
  S.printf("%d %d %d %d\n", C.memcmp(&a[0], &b[0], 16) ~= 0, b[4], b[3], a[15])
end
f()
