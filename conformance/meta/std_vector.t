local std = require("std")
local V = std.Vector(int)
terra f()
  var v : V
  v:init()
  for i = 0, 100 do v:insert(i) end
  var s = 0
  for i = 0, v:size() do s = s + v(i) end
  v(0) = 1000
  s = s + @v:get(0)
  v:destruct()
  return s
end
print(f(), tostring(V), std.Vector(int) == V)
