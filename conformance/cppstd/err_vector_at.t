-- at() checks the index: out of range, the program stops with the
-- caller's line, the index and the size (standard output so far is kept).
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
terra main()
  var v : cpp.vector(int)
  v:push(1); v:push(2); v:push(3)
  C.printf("at(2) = %d\n", v:at(2))
  C.printf("at(3) = %d\n", v:at(3))
end
main()
