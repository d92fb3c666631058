local ctpop = terralib.intrinsic("llvm.ctpop.i32", {int32} -> int32)
local ctlz = terralib.intrinsic("llvm.ctlz.i32", {int32, bool} -> int32)
terra f(x : int) return ctpop(x), ctlz(x, false) end
local r = f(255)
print(r._0, r._1)
