-- Numeric for excludes the upper bound.
local C = terralib.includec("stdio.h")
terra f()
  for i = 0, 5 do C.printf("%d ", i) end
  C.printf("\n")
end
f()
terra count(a : int, b : int) : int
  var n = 0
  for i = a, b do n = n + 1 end
  return n
end
print(count(3, 3), count(3, 7), count(5, 2))
