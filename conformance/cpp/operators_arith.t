-- operator methods become the metamethods of + - * / unm == <.
import "cpp"
local C = terralib.includec("stdio.h")

class Vec2
  x, y : double
  new(x : double, y : double) self.x = x; self.y = y end
  operator +(o : Vec2) : Vec2 return Vec2(self.x + o.x, self.y + o.y) end
  operator -(o : Vec2) : Vec2 return Vec2(self.x - o.x, self.y - o.y) end
  operator *(k : double) : Vec2 return Vec2(self.x * k, self.y * k) end
  operator *(o : Vec2) : double return self.x * o.x + self.y * o.y end
  operator unm() : Vec2 return Vec2(-self.x, -self.y) end
  operator ==(o : Vec2) : bool return self.x == o.x and self.y == o.y end
  operator <(o : Vec2) : bool return @self * @self < o * o end
end

terra main()
  var a = Vec2(1, 2)
  var b = Vec2(3, 4)
  var c = (a + b) * 2.0 - a
  var d = -c
  C.printf("c = (%g, %g) d = (%g, %g) a.b = %g\n", c.x, c.y, d.x, d.y, a * b)
  C.printf("a == a %d, a == b %d, a ~= b %d, a < b %d, b < a %d\n", a == a, a == b, a ~= b, a < b, b < a)
end
main()
