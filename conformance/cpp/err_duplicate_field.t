-- A field may not repeat a field of the class or of its base.
import "cpp"

class Base
  id : int
end

class Derived : Base
  name : rawstring
  id : int
end
