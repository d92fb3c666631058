-- Only a virtual method can be abstract.
import "cpp"

class Thing
  size() : int = 0
end
