-- Arrays of managed elements are initialized, destroyed (last element
-- first), copied and moved element by element.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = -1 end
K.methods.__dtor = terra(self : &K) C.printf("dtor %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy %d\n", from.id); to.id = from.id + 10 end
struct M { id : int }
M.methods.__dtor = terra(self : &M) C.printf("dtor M %d\n", self.id) end

terra main()
  var a : K[3]
  C.printf("a = %d %d %d\n", a[0].id, a[1].id, a[2].id)
  for i = 0, 3 do a[i].id = i end
  var b = a
  C.printf("b = %d %d %d\n", b[0].id, b[1].id, b[2].id)
  var m : M[2]
  m[0].id, m[1].id = 1, 2
  var n = m
  C.printf("m = %d %d, n = %d %d\n", m[0].id, m[1].id, n[0].id, n[1].id)
  C.printf("end\n")
end
main()
