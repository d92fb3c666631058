-- A defer in the left operand of a logical and is refused too, as in
-- any conditional expression.
local C = terralib.includec("stdio.h")
local q = quote defer C.printf("x\n") in false end
terra f(a : bool)
  if a then
    return [q] and
      a
  end
  return false
end
f(true)
