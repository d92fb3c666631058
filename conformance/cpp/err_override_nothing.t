-- override needs a virtual method of that name in a base class.
import "cpp"

class Base
  virtual run() end
end

class Derived : Base
  override walk() end
end
