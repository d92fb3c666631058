-- A template instantiated with the wrong number of arguments.
import "cpp"

template(K, V) class Pair
  k : K
  v : V
end

local P = Pair(int, int)
local Q = Pair(int)
