-- Overriding a virtual method with another signature is an error at the
-- override.
import "cpp"

class Shape
  virtual area() : double = 0
end

class Square : Shape
  side : double
  override area(scale : double) : double return self.side * scale end
end
