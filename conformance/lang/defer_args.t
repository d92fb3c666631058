-- a deferred call's arguments are evaluated at the defer statement
local C = terralib.includec("stdio.h")
terra show(a : int) C.printf("show %d\n", a) end
terra f()
  var x = 1
  defer show(x)
  x = 2
  defer show(x)
  x = 3
  C.printf("x is %d\n", x)
end
f()
