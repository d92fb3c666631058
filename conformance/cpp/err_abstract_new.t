-- Creating an object of an abstract class names the missing methods, at
-- the line that creates it.
import "cpp"

class Shape
  virtual area() : double = 0
  virtual perimeter() : double = 0
  virtual name() : rawstring return "shape" end
end

class Half : Shape
  override area() : double return 1 end
end

terra make()
  var h = Half.new()
  return h
end
make()
