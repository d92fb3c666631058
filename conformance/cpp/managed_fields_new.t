-- T.new and T(args) of classes with managed fields (directly and in a
-- polymorphic base): the fields are initialized before the constructor
-- body assigns them.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
class Res
  id : int
  new(i : int) self.id = i; C.printf("Res(%d)\n", i) end
  destructor() C.printf("~Res(%d)\n", self.id) end
end
class Shape
  r : Res
  new(i : int) self.r = Res(i) end
  virtual area() : double = 0
end
class Rect : Shape
  w, h : double
  new(w : double, h : double) super.init(self, 7); self.w = w; self.h = h end
  override area() : double return self.w * self.h end
end
class Holder
  s : cpp.string
  v : cpp.vector(int)
  new() self.s = cpp.string("hello") end
end
terra main()
  var r = Rect(2, 3)
  C.printf("area %g\n", r:area())
  var p = Rect.new(4, 5)
  C.printf("area %g\n", p:area())
  cpp.delete(p)
  var h = Holder.new()
  h.v:push(3)
  C.printf("%s %d\n", h.s:c_str(), h.v:size())
  cpp.delete(h)
end
main()
