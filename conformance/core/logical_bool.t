-- and/or/not on bool are logical and short-circuit.
local C = terralib.includec("stdio.h")
terra side(x : bool) : bool
  C.printf("side\n")
  return x
end
terra t1() : bool return false and side(true) end
terra t2() : bool return true or side(false) end
terra t3() : bool return true and side(false) end
terra t4() : bool return not (1 < 2) end
print(t1())
print(t2())
print(t3())
print(t4())
