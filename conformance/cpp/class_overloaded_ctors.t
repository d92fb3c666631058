-- Constructors are overloaded on their parameter types and count.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Point
  x, y : double
  new() self.x = 0; self.y = 0 end
  new(v : double) self.x = v; self.y = v end
  new(x : double, y : double) self.x = x; self.y = y end
  new(other : &Point) self.x = other.x; self.y = other.y end
  show() C.printf("(%g, %g)\n", self.x, self.y) end
end

terra main()
  var a = Point()
  var b = Point(2)
  var c = Point(3, 4)
  var d = Point(&c)
  var e = Point.new(5, 6)
  a:show(); b:show(); c:show(); d:show(); e:show()
  cpp.delete(e)
end
main()
