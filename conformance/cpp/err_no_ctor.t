-- A construction with arguments no constructor takes.
import "cpp"

class Point
  x, y : double
  new(x : double, y : double) self.x = x; self.y = y end
  new() self.x = 0; self.y = 0 end
end

terra f()
  var a = Point(1, 2)
  var b = Point()
  var c = Point(1, 2, 3)
end
f()
