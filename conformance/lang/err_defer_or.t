-- A defer left by the right operand of a logical or would run only when
-- the left operand is false: Terra refuses it.
local C = terralib.includec("stdio.h")
local q = quote defer C.printf("x\n") in true end
terra f(a : bool) : bool
  var r = a or [q]
  return r
end
f(true)
