local std = require("std")
terra f() std.printf("%d-%s\n", 42, "ok") end
f()
