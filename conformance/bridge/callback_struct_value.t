-- Structs pass to and return from callbacks by value.
struct P { x : int, y : double }
local flip = terralib.cast({P} -> P, function(p) return {x = p.y, y = p.x} end)
terra run() : double
  var r = flip(P{3, 7.5})
  return r.x * 10 + r.y
end
print(run())
