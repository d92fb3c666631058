local std = require("std")
terra f(x : int) std.assert(x > 0); return x end
print(f(3))
