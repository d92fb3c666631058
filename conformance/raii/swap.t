-- A parallel assignment takes every value over before it stores any, so
-- `a, b = b, a` swaps managed values, copyable or not.
local C = terralib.includec("stdio.h")
struct M { id : int }
M.methods.__init = terra(self : &M) self.id = 0 end
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) to.id = from.id end

terra main()
  var a : M a.id = 1
  var b : M b.id = 2
  a, b = b, a
  C.printf("a = %d, b = %d\n", a.id, b.id)
  var x : K x.id = 3
  var y : K y.id = 4
  x, y = y, x
  C.printf("x = %d, y = %d\n", x.id, y.id)
  C.printf("end\n")
end
main()
