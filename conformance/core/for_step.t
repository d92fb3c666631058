-- Numeric for with positive and negative steps.
local C = terralib.includec("stdio.h")
terra f()
  for i = 0, 10, 3 do C.printf("%d ", i) end
  C.printf("\n")
  for i = 10, 0, -3 do C.printf("%d ", i) end
  C.printf("\n")
  for i = 5, 0, -1 do C.printf("%d ", i) end
  C.printf("\n")
end
f()
