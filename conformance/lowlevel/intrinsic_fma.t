local fma = terralib.intrinsic("llvm.fma.f32", {float, float, float} -> float)
terra f() return fma(2, 3, 1) end
print(f())
