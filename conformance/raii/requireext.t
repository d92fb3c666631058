-- Programs written for the RAII proposal start with require
-- "terralibext"; here managed types need no opt-in and the require is
-- accepted and does nothing.
require "terralibext"
local C = terralib.includec("stdio.h")
struct A { id : int }
A.methods.__init = terra(self : &A) C.printf("init\n"); self.id = 1 end
A.methods.__dtor = terra(self : &A) C.printf("dtor %d\n", self.id) end
terra main()
  var a : A
  var b = a
  C.printf("a = %d, b = %d\n", a.id, b.id)
end
main()
