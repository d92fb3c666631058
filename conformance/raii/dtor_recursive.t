-- A destructor whose body declares a value of its own type: the type's
-- methods are decided from their signatures before any body is checked.
local C = terralib.includecstring [[
#include <stdio.h>
#include <stdlib.h>
]]
struct Node { v : int; next : &Node }
Node.methods.__dtor = terra(self : &Node) : {}
  C.printf("dtor %d\n", self.v)
  if self.next ~= nil then
    var n : Node = @self.next -- takes the rest of the list: destroyed here
    C.free(self.next)
    self.next = nil
  end
end
terra push(v : int, rest : &Node) : &Node
  var n = [&Node](C.malloc(sizeof(Node)))
  n.v, n.next = v, rest
  return n
end
terra main()
  var head : Node
  head.v = 1
  head.next = push(2, push(3, nil))
  C.printf("built\n")
end
main()
