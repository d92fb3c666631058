-- terralib.intrinsic(pick): for every call, pick receives the List of
-- argument types and returns the intrinsic's name and function type.
local suffix = { [float] = "f32", [double] = "f64", [int32] = "i32", [int64] = "i64" }
local seen = terralib.newlist()
local fabs = terralib.intrinsic(function(types)
  local t = types[1]
  seen:insert(tostring(t))
  return "llvm.fabs." .. suffix[t], {t} -> t
end)
local ctpop = terralib.intrinsic(function(types)
  local t = types[1]
  return "llvm.ctpop." .. suffix[t], {t} -> t
end)
local fma = terralib.intrinsic(function(types)
  assert(#types == 3)
  local t = types[1]
  return "llvm.fma." .. suffix[t], {t, t, t} -> t
end)
terra f(x : float, y : double) : double
  return fabs(x) + fabs(y)
end
terra g(a : int, b : int64) : int64
  return ctpop(a) * 100 + ctpop(b)
end
terra h(x : double) : double
  return fma(x, x, 1.0)
end
print(f(-1.5, -2.25))
print(g(255, 0xF0F0))
print(h(3))
print(seen:concat(","))
