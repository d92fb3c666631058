-- Class objects in a vector: pushing a temporary moves it in (the
-- moved-from temporary is destroyed empty, as in C++), pop moves the
-- last element out, and the vector destroys what it still holds.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Tracer
  id : int
  new(id : int) self.id = id; C.printf("Tracer(%d)\n", id) end
  destructor()
    if self.id == 0 then C.printf("~Tracer(moved-from)\n") else C.printf("~Tracer(%d)\n", self.id) end
  end
end
local V = cpp.vector(Tracer)

terra main()
  var v : V
  for i = 1, 4 do v:push(Tracer(i)) end
  C.printf("size %d\n", [int](v:size()))
  var last = v:pop()
  C.printf("popped %d, size %d\n", last.id, [int](v:size()))
  C.printf("end of main\n")
end
main()
