-- A returned value is moved out, never copied: several returned locals
-- are not destroyed, a returned field or dereference is moved out of its
-- place (which is left re-initialized), and the values of a multiple
-- return move into the caller's variables.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 0 end
K.methods.__dtor = terra(self : &K) C.printf("dtor %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) C.printf("copy %d\n", from.id); to.id = from.id end
struct Box { k : K }
terra Box:take() : K return self.k end
terra two() : {K, K}
  var a : K a.id = 1
  var b : K b.id = 2
  return a, b
end
terra deref(p : &K) : K return @p end

terra main()
  var x, y = two()
  C.printf("x = %d, y = %d\n", x.id, y.id)
  var box : Box
  box.k.id = 3
  var t = box:take()
  C.printf("t = %d, box.k = %d\n", t.id, box.k.id)
  var z = deref(&t)
  C.printf("z = %d, t = %d\n", z.id, t.id)
end
main()
