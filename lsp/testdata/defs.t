local lib = require "lib"
local s = symbol(int, "s")
terra useit(n : int) : int
  var [s] = n
  var v : lib.Vec
  v.x = [s]
  return lib.twice(v.x) + v:len()
end
print(lib.describe())
