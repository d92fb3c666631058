local sqrt = terralib.intrinsic("llvm.sqrt.f64", {double} -> double)
terra f(x : double) return sqrt(x) end
print(f(16), f(2))
