-- and/or on bool short-circuit; on integers they are bitwise
local C = terralib.includec("stdio.h")
terra t(x : bool) : bool C.printf("t%d ", [int](x)) return x end
terra f() : int
  var a = t(false) and t(true)
  var b = t(true) or t(false)
  C.printf("\n")
  return [int](a) * 10 + [int](b) + (6 and 3) * 100 + (4 or 1) * 1000
end
print(f())
