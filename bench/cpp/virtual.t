-- Virtual dispatch over 10M heap objects with terra++ classes: the twin
-- of virtual.cpp (std::vector<std::unique_ptr<Shape>>, virtual
-- functions); both print the same lines.
import "cpp"
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local S = terralib.includec("stdlib.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

class Shape
  virtual area() : double = 0
  virtual scale(k : double) = 0
end

class Rect : Shape
  w, h : double
  new(w : double, h : double) self.w = w; self.h = h end
  override area() : double return self.w * self.h end
  override scale(k : double) self.w = self.w * k; self.h = self.h * k end
end

class Circle : Shape
  r : double
  new(r : double) self.r = r end
  override area() : double return 3.0 * self.r * self.r end
  override scale(k : double) self.r = self.r * k end
end

class Triangle : Shape
  b, h : double
  new(b : double, h : double) self.b = b; self.h = h end
  override area() : double return 0.5 * self.b * self.h end
  override scale(k : double) self.b = self.b * k end
end

terra main() : int
  var n = 10000000
  var t0 = now()
  var seed : uint32 = 12345
  var shapes = [&&Shape](S.malloc(n * sizeof([&Shape])))
  for i = 0, n do
    seed = seed * 1664525 + 1013904223
    var kind = (seed >> 8) % 3
    seed = seed * 1664525 + 1013904223
    var a = ((seed >> 8) % 100) / 10.0
    seed = seed * 1664525 + 1013904223
    var b = ((seed >> 8) % 100) / 10.0
    if kind == 0 then shapes[i] = Rect.new(a, b)
    elseif kind == 1 then shapes[i] = Circle.new(a)
    else shapes[i] = Triangle.new(a, b) end
  end
  var total = 0.0
  for pass = 0, 10 do
    for i = 0, n do total = total + shapes[i]:area() end
    var k = terralib.select(pass % 2 == 0, 2.0, 0.5)
    for i = 0, n do shapes[i]:scale(k) end
  end
  for i = 0, n do cpp.delete(shapes[i]) end
  S.free(shapes)
  var t = now() - t0
  C.printf("time %.6f\n", t)
  C.printf("shapes %d total area %.6e\n", n, total)
  return 0
end
