-- The base of a class must be a class.
import "cpp"

struct Plain { x : int }

class Fancy : Plain
  y : int
end
