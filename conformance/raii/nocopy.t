-- A __copy whose signature does not take (&T, &T) is not an error:
-- values of the type move instead of being copied.
local C = terralib.includec("stdio.h")
struct M { id : int }
M.methods.__dtor = terra(self : &M) C.printf("dtor %d\n", self.id) end
M.methods.__copy = terra(from : int, to : &M) to.id = from end
terra main()
  var a : M
  a.id = 1
  var b = a
  C.printf("a = %d, b = %d\n", a.id, b.id)
end
main()
