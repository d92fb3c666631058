-- div and ldiv return structs by value (div_t, ldiv_t).
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")
terra f()
  var d = C.div(17, 5)
  var l = C.ldiv(-100000000000, 7)
  S.printf("%d %d %ld %ld\n", d.quot, d.rem, l.quot, l.rem)
end
f()
