-- unique_ptr(T): make/new, field and method access through the pointer,
-- moves (a copy of a unique_ptr moves it, as it has no __copy), release
-- and reset, and the pointee destroyed exactly once by its last owner.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local Cstd = terralib.includec("stdlib.h")

local live = global(int, 0)
struct Res { id : int; hits : int }
terra Res:__dtor()
  if self.id ~= 0 then
    live = live - 1
    C.printf("~Res%d ", self.id)
    self.id = 0
  end
end
terra Res:hit(n : int) : int
  self.hits = self.hits + n
  return self.hits
end
terra res(id : int) : Res
  var r : Res
  r.id = id
  live = live + 1
  return r
end
local U = cpp.unique_ptr(Res)

terra pass(u : U) : U
  u.hits = u.hits + 100
  return u
end

terra main()
  do
    var a = U.make(res(1))
    a.hits = 5
    C.printf("id %d hit %d null %d\n", a.id, a:hit(2), a:isnull())
    var b = a
    C.printf("after move: a null %d b id %d\n", a:isnull(), b.id)
    var c = pass(__move__(b))
    C.printf("c hits %d b null %d\n", c.hits, b:isnull())
    var d = U.new()
    C.printf("new: id %d hits %d\n", d.id, d.hits)
    c:reset()
    C.printf("| live %d\n", live)
    var raw = U.make(res(2)):release()
    C.printf("released %d live %d\n", raw.id, live)
    var e = U.adopt(raw)
    C.printf("adopted %d\n", e:get().id)
  end
  C.printf("| live %d\n", live)
end
main()
