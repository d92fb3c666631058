-- Assigning a fresh value destroys the old one first; assigning a
-- variable to itself leaves it intact; a field of a temporary is taken
-- over without destroying it twice.
local C = terralib.includec("stdio.h")
struct M { id : int }
M.methods.__init = terra(self : &M) self.id = 0 end
M.methods.__dtor = terra(self : &M) C.printf("dtor %d\n", self.id) end
terra mk(i : int) : M var m : M m.id = i return m end
struct Box { m : M; n : int }
terra mkbox(i : int) : Box var b : Box b.m = mk(i) b.n = i return b end

terra main()
  var a = mk(1)
  a = mk(2)
  C.printf("a = %d\n", a.id)
  a = a
  C.printf("a = %d\n", a.id)
  var p = &a
  @p = mk(3)
  C.printf("a = %d\n", a.id)
  var inner = mkbox(4).m
  C.printf("inner = %d\n", inner.id)
  a = mkbox(5).m
  C.printf("a = %d\n", a.id)
  C.printf("end\n")
end
main()
