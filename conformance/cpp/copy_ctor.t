-- A constructor taking &Name is the copy constructor: `var b = a`, `b = a`
-- and passing by value copy; self-assignment does nothing.
import "cpp"
local cpp = require "cpp"
local C = terralib.includecstring [[
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
]]
class Buf
  data : &int8
  n : int
  new(s : rawstring) self.n = C.strlen(s); self.data = [&int8](C.malloc(self.n + 1)); C.strcpy(self.data, s); C.printf("Buf(%s)\n", s) end
  new(o : &Buf) self.n = o.n; self.data = [&int8](C.malloc(self.n + 1)); C.strcpy(self.data, o.data); C.printf("copy Buf(%s)\n", o.data) end
  destructor() C.printf("~Buf(%s)\n", terralib.select(self.data == nil, "null", self.data)); C.free(self.data) end
end
terra pass(b : Buf) C.printf("got %s\n", b.data) end
terra main()
  var a = Buf("one")
  var b = a
  b.data[0] = 79
  C.printf("%s %s\n", a.data, b.data)
  var c = Buf("two")
  c = a
  C.printf("c=%s\n", c.data)
  c = c
  pass(a)
  C.printf("end\n")
end
main()
