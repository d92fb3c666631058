-- An LLVM intrinsic given a type it does not have is a located error,
-- not a module LLVM rejects.
local fma = terralib.intrinsic("llvm.fma.f32", {float, int, float} -> float)
terra f() return fma(2, 3, 1) end
print(f())
