-- An interface value holds an object and its class's method table;
-- calls go through that table.
import "cpp"
local C = terralib.includec("stdio.h")

interface Shape
  area() : double
  name() : rawstring
end

class Square implements Shape
  s : double
  new(s : double) self.s = s end
  area() : double return self.s * self.s end
  name() : rawstring return "square" end
end

class Disk implements Shape
  r : double
  new(r : double) self.r = r end
  area() : double return 3 * self.r * self.r end
  name() : rawstring return "disk" end
end

terra describe(s : Shape) C.printf("%s: %.1f\n", s:name(), s:area()) end

terra main()
  var a = Square(2)
  var b = Disk(1)
  describe(&a)
  describe(&b)
  var all = arrayof(Shape, &a, &b, &a)
  var total = 0.0
  for i = 0, 3 do total = total + all[i]:area() end
  C.printf("total %.1f, size of an interface value %d\n", total, [int](sizeof(Shape)))
end
main()
