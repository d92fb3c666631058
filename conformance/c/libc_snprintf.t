-- snprintf formats into a buffer; its result counts the full length.
local C = terralib.includec("stdio.h")
terra f()
  var buf : int8[8]
  var n = C.snprintf(&buf[0], 8, "%d-%s", 12345, "abcdef")
  C.printf("%d %s\n", n, &buf[0])
end
f()
