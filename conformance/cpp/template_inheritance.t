-- Templates and inheritance mix: a template class derives from a
-- template instance, and overrides its virtual method.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

template(T) class Source
  virtual next() : T = 0
  sum(n : int) : T
    var s : T = 0
    for i = 0, n do s = s + self:next() end
    return s
  end
end

template(T) class Counter : Source(T)
  i : T
  new(start : T) self.i = start end
  override next() : T self.i = self.i + 1; return self.i end
end

template(T) class Evens : Counter(T)
  new() super.init(self, 0) end
  override next() : T self.i = self.i + 2; return self.i end
end

terra main()
  var c : &Source(int) = [Counter(int)].new(10)
  var e : &Source(int) = [Evens(int)].new()
  var d : &Source(double) = [Counter(double)].new(0.5)
  C.printf("%d %d %g\n", c:sum(3), e:sum(4), d:sum(2))
  C.printf("%d\n", cpp.dynamic_cast(&[Counter(int)], e) ~= nil)
  cpp.delete(c); cpp.delete(e); cpp.delete(d)
end
main()
