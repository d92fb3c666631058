-- Deleting through a base pointer runs the destructor of the object's
-- class, then its bases' destructors (derived first).
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Base
  new() C.printf("Base()\n") end
  destructor() C.printf("~Base\n") end
  virtual id() : int return 0 end
end
class Middle : Base
  new() super.init(self); C.printf("Middle()\n") end
  destructor() C.printf("~Middle\n") end
end
class Leaf : Middle
  new() super.init(self); C.printf("Leaf()\n") end
  destructor() C.printf("~Leaf\n") end
end
class Quiet : Middle end

terra main()
  var p : &Base = Leaf.new()
  cpp.delete(p)
  C.printf("--\n")
  var q : &Base = Quiet.new()
  cpp.delete(q)
end
main()
