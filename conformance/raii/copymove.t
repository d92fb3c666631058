-- Initialization and assignment from a variable copy with __copy when
-- the type has one, and move otherwise (the source is re-initialized,
-- so destroying it later is harmless). Rvalues always move.
local C = terralib.includec("stdio.h")
struct M { id : int }   -- movable only
M.methods.__init = terra(self : &M) self.id = 0 end
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end
struct K { id : int }   -- copyable
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K)
  C.printf("copy K %d over %d\n", from.id, to.id)
  to.id = from.id * 10
end
terra mkK(i : int) : K var k : K k.id = i return k end

terra main()
  var m : M
  m.id = 1
  var m2 = m
  C.printf("m = %d, m2 = %d\n", m.id, m2.id)
  var m3 : M
  m3.id = 3
  m3 = m2
  C.printf("m2 = %d, m3 = %d\n", m2.id, m3.id)

  var k : K
  k.id = 2
  var k2 = k
  C.printf("k = %d, k2 = %d\n", k.id, k2.id)
  k2 = k
  C.printf("k = %d, k2 = %d\n", k.id, k2.id)
  k2 = mkK(7)
  C.printf("k2 = %d\n", k2.id)
end
main()
