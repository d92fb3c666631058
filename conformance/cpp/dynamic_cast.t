-- dynamic_cast returns the pointer when the object is of the class (or
-- derives from it), nil otherwise.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Node virtual kind() : int return 0 end end
class Leaf : Node end
class Branch : Node end
class BigBranch : Branch end

terra check(n : &Node)
  C.printf("%-9s leaf %d branch %d big %d\n", cpp.classname(n),
    cpp.dynamic_cast(&Leaf, n) ~= nil, cpp.dynamic_cast(&Branch, n) ~= nil,
    cpp.dynamic_cast(&BigBranch, n) ~= nil)
end

terra main()
  var ns = arrayof([&Node], Leaf.new(), Branch.new(), BigBranch.new(), Node.new())
  for i = 0, 4 do check(ns[i]) end
  var b = cpp.dynamic_cast(&Branch, ns[2])
  var again = cpp.dynamic_cast(&BigBranch, b)
  C.printf("downcast chain %d, nil input %d\n", again == [&BigBranch](ns[2]),
    cpp.dynamic_cast(&Leaf, [&Node](nil)) == nil)
  for i = 0, 4 do cpp.delete(ns[i]) end
end
main()
