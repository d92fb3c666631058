-- shapes.t: terra++ classes with a virtual `area`. An abstract base
-- class, three shapes that override it, objects on the heap (new /
-- cpp.delete) and on the stack, an interface, and a checked downcast.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local S = terralib.includec("stdlib.h")

interface Printable
  print()
end

class Shape implements Printable
  name : rawstring
  new(n : rawstring) self.name = n end
  virtual area() : double = 0
  virtual scale(k : double) = 0
  print() C.printf("%-8s area %8.2f\n", self.name, self:area()) end
end

class Rect : Shape
  w, h : double
  new(w : double, h : double) super.init(self, "rect"); self.w = w; self.h = h end
  override area() : double return self.w * self.h end
  override scale(k : double) self.w = self.w * k; self.h = self.h * k end
end

class Square : Rect
  new(s : double) super.init(self, s, s); self.name = "square" end
end

class Circle : Shape
  r : double
  new(r : double) super.init(self, "circle"); self.r = r end
  override area() : double return 3.14159265358979 * self.r * self.r end
  override scale(k : double) self.r = self.r * k end
end

terra main() : int
  -- 1,200 shapes on the heap, behind pointers to the base class.
  var n = 1200
  var shapes = [&&Shape](S.malloc(n * sizeof([&Shape])))
  for i = 0, n do
    var k = i % 3
    if k == 0 then shapes[i] = Rect.new(i % 7 + 1, i % 5 + 1)
    elseif k == 1 then shapes[i] = Square.new(i % 4 + 1)
    else shapes[i] = Circle.new(i % 3 + 1) end
  end
  var total = 0.0
  for i = 0, n do total = total + shapes[i]:area() end
  C.printf("%d shapes, total area %.2f\n", n, total)
  for i = 0, n do shapes[i]:scale(0.5) end
  total = 0.0
  var squares = 0
  for i = 0, n do
    total = total + shapes[i]:area()
    if cpp.dynamic_cast(&Square, shapes[i]) ~= nil then squares = squares + 1 end
  end
  C.printf("scaled by 1/2: total area %.2f, %d of them squares\n", total, squares)
  -- Printable is an interface: any class implementing it converts.
  for i = 0, 3 do
    var p : Printable = shapes[i]
    p:print()
  end
  for i = 0, n do cpp.delete(shapes[i]) end
  S.free(shapes)
  -- A stack object: no allocation.
  var r = Rect(2, 3)
  r:print()
  return 0
end

main()
