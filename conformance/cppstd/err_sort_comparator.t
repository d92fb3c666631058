-- A comparator must be a Terra function or a macro.
local cpp = require "cpp"
local limit = 3
terra f()
  var v : cpp.vector(int)
  cpp.sort(v, limit)
end
f()
