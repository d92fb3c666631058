-- A syntax error inside a class body is reported at its token.
import "cpp"

class Broken
  x : int
  virtual f(a : int :) end
end
