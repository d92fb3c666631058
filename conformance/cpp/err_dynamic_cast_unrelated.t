-- dynamic_cast between classes of different hierarchies.
import "cpp"
local cpp = require "cpp"

class A virtual f() end end
class B virtual g() end end

terra f(a : &A)
  return cpp.dynamic_cast(&B, a)
end
f:compile()
