-- Objects of polymorphic classes start with the vtable pointer; each
-- class has one constant vtable that all its objects share.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class Plain x : int end
class Poly
  x : int
  virtual f() end
end
class Sub : Poly end

local vt = cpp.vtable(Sub)
terra main()
  var a = Sub()
  var b = Sub.new()
  C.printf("plain %d poly %d shared %d ours %d name %s\n", [int](sizeof(Plain)), [int](sizeof(Poly)),
    a.__vptr == b.__vptr, a.__vptr == [&opaque](&vt), cpp.classname(b))
  cpp.delete(b)
end
main()
