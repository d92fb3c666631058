terra vendor_ok() var leaf = terralib.asm(int32, "cpuid", "={ax},{ax},~{bx},~{cx},~{dx}", true, 0)
  return leaf >= 0 end
print(vendor_ok())
