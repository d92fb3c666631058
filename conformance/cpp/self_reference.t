-- A class refers to itself in fields and signatures (a linked list).
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Node
  value : int
  next : &Node
  new(v : int, n : &Node) self.value = v; self.next = n end
  static cons(v : int, n : &Node) : &Node return Node.new(v, n) end
  sum() : int
    var s = 0
    var p = self
    while p ~= nil do s = s + p.value; p = p.next end
    return s
  end
  destructor() if self.next ~= nil then cpp.delete(self.next) end end
end

terra main()
  var l = Node.cons(1, Node.cons(2, Node.cons(3, nil)))
  C.printf("sum %d\n", l:sum())
  cpp.delete(l)
end
main()
