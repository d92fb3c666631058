-- A by-value parameter belongs to the callee, which destroys it when it
-- returns. The caller passes a variable by copy (with __copy) or by move,
-- and a fresh value by move.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy K %d\n", from.id); to.id = from.id end
struct M { id : int }
M.methods.__init = terra(self : &M) self.id = 0 end
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end
terra mkM(i : int) : M var m : M m.id = i return m end

terra useK(k : K, n : int) : int
  C.printf("useK %d\n", k.id)
  if n > 0 then return n end
  return k.id
end
terra useM(m : M) C.printf("useM %d\n", m.id) end
terra borrow(m : &M) C.printf("borrow %d\n", m.id) end

terra main()
  var k : K
  k.id = 1
  useK(k, 0)
  useK(k, 5)
  C.printf("k = %d\n", k.id)
  var m : M
  m.id = 2
  borrow(&m)
  useM(m)
  C.printf("m = %d\n", m.id)
  useM(mkM(3))
  C.printf("end\n")
end
main()
