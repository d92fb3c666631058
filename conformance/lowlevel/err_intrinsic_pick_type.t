-- ... and then a function type.
local pick = terralib.intrinsic(function(types) return "llvm.ctpop.i32", types[1] end)
terra f(x : int) : int
  var y = x + 1
  return pick(y)
end
f(1)
