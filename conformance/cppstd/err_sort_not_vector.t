-- cpp.sort takes a cpp.vector (or a pointer to one).
local cpp = require "cpp"
terra f()
  var a : int[4]
  cpp.sort(a)
end
f()
