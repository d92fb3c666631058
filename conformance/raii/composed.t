-- A struct with managed fields and no methods of its own is managed:
-- the compiler generates its initializer (zero-fill, then the fields'
-- __init), destructor (fields in reverse order) and copy (fieldwise,
-- when every managed field can be copied).
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) C.printf("init K\n"); self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy K %d\n", from.id); to.id = from.id end
struct M { id : int }
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end

struct Pair { first : K; n : int; second : K }
struct Mixed { k : K; m : M; x : double }
struct Outer { p : Pair; tag : int }

terra main()
  var p : Pair
  C.printf("n = %d (zero-filled)\n", p.n)
  p.first.id, p.n, p.second.id = 1, 5, 2
  var q = p
  C.printf("q = %d %d %d\n", q.first.id, q.n, q.second.id)
  var mx : Mixed
  mx.k.id, mx.m.id = 3, 4
  var my = mx -- M has no __copy, so Mixed moves
  C.printf("mx = %d %d, my = %d %d\n", mx.k.id, mx.m.id, my.k.id, my.m.id)
  var o : Outer
  o.p.first.id = 7
  C.printf("end\n")
end
main()
