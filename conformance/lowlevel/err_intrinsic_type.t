local bad = terralib.intrinsic("llvm.sqrt.f64", 5)
