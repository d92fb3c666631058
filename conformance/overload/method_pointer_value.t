-- A method may be a function-pointer value (here a Lua function cast to a
-- Terra function type); the receiver is passed by address as for any
-- method wanting a pointer.
struct Counter { n : int }
local bump = function(self, by) self.n = self.n + (by or 1) end
Counter.methods.inc = terralib.cast(&Counter -> {}, bump)
Counter.methods.add = terralib.cast({&Counter, int} -> {}, bump)
terra run()
  var c = Counter { 0 }
  c:inc()
  var p = &c
  p:add(10)
  p:inc()
  return c.n
end
print(run())
