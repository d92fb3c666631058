-- Abstract methods (= 0 or `abstract`) must be overridden before objects
-- can be made; pointers to the abstract class still dispatch.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Shape
  virtual area() : double = 0
  abstract perimeter() : double
  report() C.printf("area %.2f perimeter %.2f\n", self:area(), self:perimeter()) end
end

class Square : Shape
  s : double
  new(s : double) self.s = s end
  override area() : double return self.s * self.s end
  override perimeter() : double return 4 * self.s end
end

terra main()
  var s : &Shape = Square.new(3)
  s:report()
  cpp.delete(s)
end
main()
