-- An LLVM intrinsic parameter that must be an immediate (immarg), given
-- a variable, is a located error at that argument; a literal or a Lua
-- constant is fine.
local ctlz = terralib.intrinsic("llvm.ctlz.i32", {int32, bool} -> int32)
local cttz = terralib.intrinsic(function(args) return "llvm.cttz.i32", {int32, bool} -> int32 end)
local zu = false
terra ok(x : int32) return ctlz(x, false) + cttz(x, [zu]) end
print(ok(8))
terra f(x : int32, b : bool) return ctlz(x, b) end
terra g(x : int32, b : bool) return cttz(x, not b) end
assert(not pcall(f, 1, false))
print(g(1, false))
