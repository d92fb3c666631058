-- The fields of a constructor take their values by the same rule as
-- variables: a variable is copied (or moved when it cannot be copied),
-- a fresh value moves in.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy K %d\n", from.id); to.id = from.id end
struct M { id : int }
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end
terra mkK(i : int) : K var k : K k.id = i return k end

struct Both { k : K; m : M; n : int }

terra main()
  var k : K
  k.id = 1
  var m : M
  m.id = 2
  var b = Both { k, m, 3 }
  C.printf("k = %d, m = %d, b = %d %d %d\n", k.id, m.id, b.k.id, b.m.id, b.n)
  var c : Both = { mkK(4), M { 5 }, 6 }
  C.printf("c = %d %d %d\n", c.k.id, c.m.id, c.n)
  C.printf("end\n")
end
main()
