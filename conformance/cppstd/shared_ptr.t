-- shared_ptr(T): copies share the object and count, reset and scope
-- exit drop a reference, the last one destroys the object; shared_ptrs
-- in a vector; a tree of nodes linked by shared_ptr frees itself.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local live = global(int, 0)
struct Res { id : int }
terra Res:__dtor()
  if self.id ~= 0 then
    live = live - 1
    C.printf("~Res%d ", self.id)
    self.id = 0
  end
end
terra res(id : int) : Res
  var r : Res
  r.id = id
  live = live + 1
  return r
end
local P = cpp.shared_ptr(Res)

struct Node
local NP = cpp.shared_ptr(Node)
struct Node { left : NP; right : NP; depth : int; real : bool }
local nodes = global(int, 0)
terra Node:__dtor()
  if self.real then nodes = nodes - 1; self.real = false end
  self.left:reset()
  self.right:reset()
end
terra tree(d : int) : NP
  var n = NP.new()
  nodes = nodes + 1
  n.real = true
  n.depth = d
  if d > 0 then
    n.left = tree(d - 1)
    n.right = n.left
  end
  return n
end
terra count(n : &NP) : int
  if n:isnull() then return 0 end
  return 1 + count(&n.left) + count(&n.right)
end

terra main()
  do
    var a = P.make(res(1))
    C.printf("count %lld\n", a:use_count())
    var b = a
    var c : P
    c = b
    C.printf("count %lld %lld %lld same %d\n", a:use_count(), b:use_count(), c:use_count(), a:get() == c:get())
    b:reset()
    C.printf("count %lld b null %d\n", a:use_count(), b:isnull())
    var v : cpp.vector(P)
    for i = 0, 5 do v:push(a) end
    C.printf("count %lld\n", a:use_count())
    v:clear()
    C.printf("count %lld\n", a:use_count())
    a = P.make(res(2))
    C.printf("id %d count %lld\n", a.id, a:use_count())
    c = a
    C.printf("| live %d\n", live)
  end
  C.printf("| live %d\n", live)
  do
    var t = tree(10)
    C.printf("tree: %d nodes made, %d reachable, root count %lld\n", nodes, count(&t), t:use_count())
  end
  C.printf("nodes left %d\n", nodes)
end
main()
