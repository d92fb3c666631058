-- <string.h>: strlen, strcmp, strcpy, strcat, strchr, strstr.
local C = terralib.includec("string.h")
local S = terralib.includec("stdio.h")
terra f()
  var buf : int8[64]
  C.strcpy(&buf[0], "hello")
  C.strcat(&buf[0], ", world")
  S.printf("%s %d\n", &buf[0], [int](C.strlen(&buf[0])))
  S.printf("%d %d %d\n", C.strcmp("a", "b") < 0, C.strcmp("b", "a") > 0, C.strcmp("x", "x"))
  S.printf("%s|%s\n", C.strchr(&buf[0], 44), C.strstr(&buf[0], "wor"))
end
f()
