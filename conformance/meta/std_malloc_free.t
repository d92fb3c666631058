local std = require("std")
terra f()
  var p = [&int](std.malloc(4 * sizeof(int)))
  for i = 0, 4 do p[i] = i * 3 end
  var s = p[1] + p[3]
  std.free(p)
  return s
end
print(f())
