local std = require("std")
terra check(x : int)
  std.assert(x > 0)
  std.assert(x < 10)
  return x
end
print(check(5))
check(12)
