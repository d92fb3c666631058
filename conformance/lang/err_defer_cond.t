local C = terralib.includec("stdio.h")
local q = quote defer C.printf("x\n") in true end
terra foo(a : int)
  if [q] then a = 1 end
end
foo(1)
