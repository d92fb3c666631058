-- Vtables of derived classes extend their base's: new virtual methods
-- at every level, each dispatching from any static type.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

class A
  virtual f() : int return 1 end
end
class B : A
  virtual g() : int return 20 end
end
class C3 : B
  override f() : int return 3 end
  virtual h() : int return 300 end
end
class D : C3
  override g() : int return 40 end
  override h() : int return 400 end
end

terra main()
  var d = D.new()
  var a : &A = d
  var b : &B = d
  var c : &C3 = d
  C.printf("%d %d %d %d %d %d\n", a:f(), b:f(), b:g(), c:g(), c:h(), d:f() + d:g() + d:h())
  var c3 = C3.new()
  b = c3
  C.printf("%d %d %d\n", b:f(), b:g(), c3:h())
  cpp.delete(d); cpp.delete(c3)
end
main()
