-- An interface method implemented with another signature is an error.
import "cpp"

interface Counter
  count() : int
end

class Bag implements Counter
  n : int
  count() : double return self.n end
end
