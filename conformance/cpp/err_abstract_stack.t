-- An abstract class cannot be constructed on the stack either.
import "cpp"

class Animal
  virtual speak() : rawstring = 0
end

terra f()
  var a = Animal()
end
f()
