-- A global of managed type is not initialized, copied or destroyed by
-- the compiler (it lives until the program exits); reading it into a
-- local copies or moves as for any other place.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy %d\n", from.id); to.id = from.id end
local g = global(K)

terra main()
  g.id = 5
  do
    var k = g
    k.id = 6
  end
  C.printf("g = %d\n", g.id)
end
main()
main()
