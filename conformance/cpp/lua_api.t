-- The Lua API the syntax expands to: the same classes built from Lua.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local Shape = cpp.class("Shape")
cpp.field(Shape, "label", rawstring)
cpp.abstract(Shape, "area", {}, double)
cpp.method(Shape, "show", terra(self : &Shape)
  C.printf("%s %.2f\n", self.label, self:area())
end)
cpp.finish(Shape)

local Rect = cpp.class("Rect", { base = Shape })
cpp.field(Rect, "w", double)
cpp.field(Rect, "h", double)
cpp.constructor(Rect, terra(self : &Rect, w : double, h : double)
  self.label, self.w, self.h = "rect", w, h
end)
cpp.override(Rect, "area", terra(self : &Rect) : double return self.w * self.h end)
cpp.static(Rect, "unit", terra() : &Rect return Rect.new(1, 1) end)
cpp.operator(Rect, "==", terra(self : &Rect, o : &Rect) : bool return self.w == o.w and self.h == o.h end)
cpp.destructor(Rect, terra(self : &Rect) C.printf("bye %s\n", self.label) end)
cpp.finish(Rect)

print(cpp.isclass(Rect), cpp.issubclass(Rect, Shape), cpp.issubclass(Shape, Rect))

terra main()
  var s : &Shape = Rect.new(2, 3)
  s:show()
  var u = Rect.unit()
  u:show()
  C.printf("equal %d %d\n", @u == u, @u == [&Rect](s))
  cpp.delete(s)
  cpp.delete(u)
end
main()
