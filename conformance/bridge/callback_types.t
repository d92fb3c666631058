-- Callbacks convert arguments and results of every primitive type.
local f = terralib.cast({double, float} -> double, function(a, b) return a + b end)
local g = terralib.cast({bool} -> bool, function(b) return not b end)
local h = terralib.cast({int8, uint16} -> int64, function(a, b) return a * b end)
local u = terralib.cast({} -> {}, function() print("unit callback") end)
terra run() : double
  u()
  var x = f(1.5, 0.25)
  if g(false) then x = x + 100 end
  return x + h(-2, 60000)
end
print(run())
