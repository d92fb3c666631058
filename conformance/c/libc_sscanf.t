-- sscanf writes through Terra pointers.
local C = terralib.includec("stdio.h")
terra f()
  var a : int
  var b : double
  var w : int8[16]
  var n = C.sscanf("42 2.5 word", "%d %lf %15s", &a, &b, &w[0])
  C.printf("%d %d %g %s\n", n, a, b, &w[0])
end
f()
