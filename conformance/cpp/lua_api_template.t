-- cpp.template memoizes a Lua function of types and checks constraints.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

local Box = cpp.template({ "T" }, function(name, T)
  local B = cpp.class(name)
  cpp.field(B, "value", T)
  cpp.constructor(B, terra(self : &B, v : T) self.value = v end)
  cpp.method(B, "get", terra(self : &B) : T return self.value end)
  return cpp.finish(B)
end, "Box")

local Sorted = cpp.template({ { "T", cpp.has("__lt", "__eq") } }, function(name, T)
  return terra(a : T, b : T) : bool return a < b or a == b end
end, "sorted")

print(Box(int) == Box(int), Box(int) ~= Box(float), tostring(Box(double)))
print((pcall(Sorted, &opaque)))
local ok, err = pcall(Sorted, terralib.types.newstruct("Blob"))
print(ok, (err:gsub("^.-: ", "", 1)))

terra main()
  var b = [Box(double)](2.5)
  var i = [Box(int)](7)
  C.printf("%g %d %d\n", b:get(), i:get(), [Sorted(int)](1, 2))
end
main()
