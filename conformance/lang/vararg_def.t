-- a Terra vararg function reads its arguments with va_start/va_end
local C = terralib.includec("stdio.h")
local vastart = terralib.intrinsic("llvm.va_start", {&int8} -> {})
local vaend = terralib.intrinsic("llvm.va_end", {&int8} -> {})
terra say(fmt : rawstring, ...) : int
  var ap : int64[3] -- a va_list: 24 bytes, 8-aligned
  var p = [&int8](&ap)
  vastart(p)
  var n = C.vprintf(fmt, [C.vprintf.type.parameters[2]](p))
  vaend(p)
  return n
end
terra main() : int
  return say("%d %s %g\n", 42, "abc", 1.5)
end
print(main())
