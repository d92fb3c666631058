-- Calling a method a class does not have.
import "cpp"

class Dog
  virtual bark() end
end

terra f(d : &Dog)
  d:bark()
  d:meow()
end
f()
