-- The generated __init, __dtor, __copy and __move of a composed type can
-- be called like methods the type defines (__move returns the object's
-- value and leaves it re-initialized); a type's own __init runs instead
-- of zero-filling.
local C = terralib.includec("stdio.h")
struct K { id : int }
K.methods.__init = terra(self : &K) self.id = 42 end
K.methods.__dtor = terra(self : &K) C.printf("dtor K %d\n", self.id) end
K.methods.__copy = terra(from : &K, to : &K) to.id = from.id + 1 end
struct W { k : K; x : int }

terra main()
  var w : W
  C.printf("w = %d %d\n", w.k.id, w.x)
  w.k.id, w.x = 1, 2
  var v : W
  w:__copy(&v)
  C.printf("v = %d %d\n", v.k.id, v.x)
  var u = v:__move()
  C.printf("u = %d %d, v = %d %d\n", u.k.id, u.x, v.k.id, v.x)
  w:__dtor()
  w:__init()
  C.printf("w = %d %d\n", w.k.id, w.x)
  C.printf("end\n")
end
main()
