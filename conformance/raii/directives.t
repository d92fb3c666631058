-- __move__(x) moves even when the type has __copy; __handle__(x) is a
-- bitwise copy that owns nothing (no destructor, source untouched).
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy %d\n", from.id); to.id = from.id end
terra take(k : K) C.printf("took %d\n", k.id) end

terra main()
  var a : K
  a.id = 1
  var b = __move__(a)
  C.printf("a = %d, b = %d\n", a.id, b.id)
  take(__move__(b))
  C.printf("b = %d\n", b.id)
  var c : K
  c.id = 3
  take(c)
  C.printf("c = %d\n", c.id)
  do
    var h = __handle__(c)
    h.id = 4
  end
  C.printf("c = %d\n", c.id)
  var d : K
  d = __move__(c)
  C.printf("c = %d, d = %d\n", c.id, d.id)
end
main()
