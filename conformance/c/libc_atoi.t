-- atoi, atol, strtol and strtod from <stdlib.h>.
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")
terra f()
  var e : &int8
  var v = C.strtol("ff rest", &e, 16)
  S.printf("%d %ld %g [%s]\n", C.atoi("123") + C.atol("1000"), v, C.strtod("2.5", nil), e)
end
f()
