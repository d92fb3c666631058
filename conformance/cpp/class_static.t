-- Static methods are called on the class: Name.f(args).
import "cpp"
local C = terralib.includec("stdio.h")

local made = global(int, 0)

class Widget
  id : int
  new(id : int) self.id = id; made = made + 1 end
  static create(id : int) : Widget return Widget(id * 10) end
  static count() : int return made end
end

terra main()
  var a = Widget.create(1)
  var b = Widget.create(2)
  var c = Widget(7)
  C.printf("%d %d %d made %d\n", a.id, b.id, c.id, Widget.count())
end
main()
