-- Only a class that implements an interface converts to it.
import "cpp"

interface Shape
  area() : double
end

class Square implements Shape
  s : double
  area() : double return self.s * self.s end
end

class Stone
  weight : double
  area() : double return 0 end
end

terra total(a : Shape, b : Shape) return a:area() + b:area() end

terra f()
  var sq = Square()
  var st = Stone()
  return total(&sq, &st)
end
f()
