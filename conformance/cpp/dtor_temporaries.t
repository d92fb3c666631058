-- Class temporaries die at the end of their full expression; assignment
-- destroys the old object; a by-value parameter is destroyed by the
-- callee; destructors and defer share one reverse order, also on goto.
import "cpp"
local C = terralib.includec("stdio.h")

class Tracer
  id : int
  new(id : int) self.id = id; C.printf("Tracer(%d)\n", id) end
  destructor() C.printf("~Tracer(%d)\n", self.id) end
  get() : int return self.id end
end

terra consume(t : Tracer)
  C.printf("consume %d\n", t.id)
end

terra temps()
  C.printf("value %d\n", Tracer(30):get())
  C.printf("after the statement\n")
  var a = Tracer(31)
  a = Tracer(32)
  C.printf("assigned %d\n", a.id)
  consume(Tracer(33))
  C.printf("temps ends\n")
end

terra withdefer()
  var a = Tracer(40)
  defer C.printf("deferred\n")
  var b = Tracer(41)
  goto out
  C.printf("not printed\n")
  ::out::
end

temps()
C.printf("--\n")
withdefer()
