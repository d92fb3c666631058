local std = require("std")
struct Node { v : int }
std.Object(Node)
terra Node:__destruct() std.printf("destruct %d\n", self.v) end
terra f()
  var n = Node.alloc()
  n.v = 7
  var r = n.v
  n:delete()
  return r
end
print(f())
