-- Callbacks with more arguments than registers (stack-passed ones too).
local sum = terralib.cast({int, int, int, int, int, int, int, int, double, double, double, double, double, double, double, double, double, double} -> double,
  function(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end)
terra run() : double return sum(1, 2, 3, 4, 5, 6, 7, 8, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5) end
print(run())
