-- A vector of a managed element type runs each element's destructor
-- exactly once (erase, clear, the vector's own destruction), copies
-- elements through their __copy, and moves them out with pop.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local live = global(int, 0)
struct T { id : int }
terra T:__dtor()
  if self.id ~= 0 then
    live = live - 1
    C.printf("~%d ", self.id)
    self.id = 0
  end
end
terra T.methods.__copy(from : &T, to : &T)
  to:__dtor()
  to.id = from.id
  if to.id ~= 0 then live = live + 1; C.printf("copy%d ", to.id) end
end
terra mk(id : int) : T
  var t : T
  t.id = id
  live = live + 1
  return t
end
local VT = cpp.vector(T)

terra main()
  do
    var v : VT
    v:push(mk(1)); v:push(mk(2)); v:push(mk(3))
    C.printf("live %d\n", live)
    v:erase(1)
    C.printf("| live %d\n", live)
    var t = v:pop()
    C.printf("popped %d live %d\n", t.id, live)
    var w = v
    C.printf("| live %d\n", live)
    w:clear()
    C.printf("| live %d\n", live)
    v:insert(0, mk(4))
    w:resize(2)
    C.printf("w %lld v %lld live %d\n", w:size(), v:size(), live)
  end
  C.printf("| live %d\n", live)
end
main()
