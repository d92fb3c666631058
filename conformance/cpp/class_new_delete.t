-- new allocates and constructs, cpp.delete runs the destructor and frees.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Resource
  name : rawstring
  new(n : rawstring) self.name = n; C.printf("acquire %s\n", n) end
  destructor() C.printf("release %s\n", self.name) end
end

terra main()
  var a = Resource.new("a")
  var b = Resource.new("b")
  cpp.delete(b)
  cpp.delete(a)
  var none : &Resource = nil
  cpp.delete(none)
  C.printf("done\n")
end
main()
