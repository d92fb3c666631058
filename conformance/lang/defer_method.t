-- defer with a method call; the receiver is taken at the defer
local C = terralib.includec("stdio.h")
struct F { n : int }
terra F:close() C.printf("close %d\n", self.n) end
terra f()
  var a = F { 1 }
  defer a:close()
  var b = F { 2 }
  defer b:close()
  C.printf("work\n")
end
f()
