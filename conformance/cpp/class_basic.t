-- A class with fields, methods, a constructor and stack construction.
import "cpp"
local C = terralib.includec("stdio.h")

class Counter
  var count, step : int
  new(step : int) self.count = 0; self.step = step end
  tick() self.count = self.count + self.step end
  get() : int return self.count end
end

terra main()
  var c = Counter(3)
  for i = 0, 4 do c:tick() end
  var p = &c
  p:tick()
  C.printf("count %d step %d\n", c:get(), p.step)
end
main()
