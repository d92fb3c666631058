-- A type may contain itself through the containers: a tree whose node
-- holds a vector of nodes and a hashmap to nodes, and a node linked by
-- shared_ptr. Building, deep-copying and destroying them works, and
-- every node is destroyed exactly once.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local alive = global(int, 0)
struct Tag { on : bool }
terra Tag:__dtor() if self.on then alive = alive - 1; self.on = false end end
terra Tag.methods.__copy(from : &Tag, to : &Tag)
  to:__dtor()
  if from.on then alive = alive + 1; to.on = true end
end

struct Tree
struct Tree { name : cpp.string; tag : Tag; kids : cpp.vector(Tree); byid : cpp.hashmap(int, Tree) }
terra build(d : int) : Tree
  var t : Tree
  t.name = cpp.string.format("node%d", d)
  t.tag.on = true
  alive = alive + 1
  if d > 0 then
    t.kids:push(build(d - 1))
    t.kids:push(build(d - 1))
    t.byid(d) = build(d - 1)
  end
  return t
end
terra count(t : &Tree) : int
  var n = 1
  for k in t.kids do n = n + count(k) end
  for e in t.byid do n = n + count(&e.value) end
  return n
end

struct Link
local P = cpp.shared_ptr(Link)
struct Link { next : P; tag : Tag }
terra chain(n : int) : P
  var head : P
  for i = 0, n do
    var l = P.new()
    l.tag.on = true
    alive = alive + 1
    l.next = __move__(head)
    head = __move__(l)
  end
  return head
end

terra main()
  do
    var t = build(5)
    var u = t
    u.kids(0).name:append("!")
    C.printf("%d %d %s %s alive %d\n", count(&t), count(&u), t.kids(0).name:c_str(), u.kids(0).name:c_str(), alive)
  end
  C.printf("alive %d\n", alive)
  do
    var c = chain(1000)
    var d = c.next
    C.printf("alive %d count %lld\n", alive, d:use_count())
  end
  C.printf("alive %d\n", alive)
end
main()
