-- a Terra vararg function reads its arguments with va_start/va_end
local C = terralib.includec("stdio.h")
local vastart = terralib.intrinsic("llvm.va_start", {&int8} -> {})
local vaend = terralib.intrinsic("llvm.va_end", {&int8} -> {})
terra say(fmt : rawstring, ...) : int
  var ap : int8[24]
  vastart(&ap[0])
  var n = C.vprintf(fmt, [&C.__va_list_tag](&ap[0]))
  vaend(&ap[0])
  return n
end
print(say("%d %s %g\n", 42, "abc", 1.5))
