-- A callback receives a struct pointer and writes through it.
struct P { x : int, y : int }
local set = terralib.cast({&P, int} -> {}, function(p, v) p.x = v; p.y = v * 2 end)
terra run() : int
  var p : P
  set(&p, 21)
  return p.x + p.y
end
print(run())
