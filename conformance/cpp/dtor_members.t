-- Destroying a stack object runs the derived destructor's body, then its
-- members (last declared first), then the base class's body and members,
-- as in C++; through a base pointer, cpp.delete runs the object's own
-- destructor chain (a virtual destructor).
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Part
  name : rawstring
  new(n : rawstring) self.name = n; C.printf("Part(%s)\n", n) end
  destructor() C.printf("~Part(%s)\n", self.name) end
end

class Base
  a : Part
  new() self.a.name = "base.a"; C.printf("Base()\n") end
  destructor() C.printf("~Base body\n") end
end

class Derived : Base
  b : Part
  c : Part
  new() super.init(self); self.b.name = "b"; self.c.name = "c"; C.printf("Derived()\n") end
  destructor() C.printf("~Derived body\n") end
end

-- No destructor of its own: its members and base are still destroyed.
class Plain : Base
  d : Part
  new() super.init(self); self.d.name = "plain.d"; C.printf("Plain()\n") end
end

class Shape
  virtual area() : double return 0 end
  destructor() C.printf("~Shape\n") end
end
class Square : Shape
  label : Part
  side : double
  new(s : double) self.side = s; self.label.name = "square"; C.printf("Square(%g)\n", s) end
  override area() : double return self.side * self.side end
  destructor() C.printf("~Square(%g)\n", self.side) end
end

terra main()
  do
    var d = Derived()
    C.printf("using d\n")
  end
  C.printf("--\n")
  do
    var p = Plain()
  end
  C.printf("--\n")
  do
    var s = Square(2)
    C.printf("area %g\n", s:area())
  end
  C.printf("--\n")
  var shapes : (&Shape)[2]
  shapes[0] = Square.new(3)
  shapes[1] = Shape.new()
  for i = 0, 2 do C.printf("area %g\n", shapes[i]:area()) end
  for i = 0, 2 do cpp.delete(shapes[i]) end
end
main()
