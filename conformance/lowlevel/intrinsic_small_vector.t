-- LLVM intrinsics take their operands as they are: a one-element float
-- vector stays a vector (C would pass it as an integer), both through a
-- declared intrinsic function and when it is called directly.
local exp1 = terralib.intrinsic("llvm.exp.v1f32", vector(float, 1) -> vector(float, 1))
local sqrt2 = terralib.intrinsic("llvm.sqrt.v2f32", vector(float, 2) -> vector(float, 2))
terra f(x : float)
  var v : vector(float, 1) = x
  var w = sqrt2(vector(4.f, 9.f))
  return exp1(v)[0], w[0] + w[1]
end
local r = f(0)
print(r._0, r._1)
