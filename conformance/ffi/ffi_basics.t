-- The LuaJIT ffi subset: cdef'd declarations in ffi.C, new (with
-- variable-length arrays, initializers and alignment), cast, typeof,
-- sizeof, offsetof, istype, string, copy and fill. C types are Terra
-- types, so ffi values pass straight to Terra functions.
local ffi = require("ffi")
ffi.cdef [[
typedef struct point { int x, y; } point;
enum shade { LIGHT = 2, DARK = 7 };
int abs(int);
size_t strlen(const char *);
int snprintf(char *, size_t, const char *, ...);
]]
print(ffi.C.abs(-12), ffi.C.strlen("hello"), ffi.C.LIGHT + ffi.C.DARK)

local xs = ffi.new("double[?]", 4)
for i = 0, 3 do xs[i] = i * 1.5 end
terra sum(p : &double, n : int) : double
  var s = 0.0
  for i = 0, n do s = s + p[i] end
  return s
end
print(sum(xs, 4), ffi.sizeof(xs), ffi.sizeof("double[?]", 10))

local filled = ffi.new("int[3]", 9)
local listed = ffi.new("int[3]", 4, 5, 6)
print(filled[0] + filled[2], listed[0] + listed[1] + listed[2])

local p = ffi.new("point", { x = 3, y = 4 })
local q = ffi.new("struct point", 1, 2)
print(p.x * p.y, q.x + q.y, ffi.offsetof("point", "y"), ffi.sizeof("point"))
print(ffi.typeof(p) == ffi.typeof("struct point"), ffi.istype("point", q), ffi.istype("int", q))

local wide = ffi.new("float[?] __attribute__((aligned(64)))", 5)
print(tonumber(ffi.cast("uintptr_t", wide)) % 64, ffi.alignof("float[4] __attribute__((aligned(32)))"))

local buf = ffi.new("char[32]")
-- As in LuaJIT, a Lua number passed to a variadic C function is a double.
ffi.C.snprintf(buf, 32, "%g-%s", 42, "ok")
print(ffi.string(buf), ffi.string(buf, 2))
ffi.fill(buf, 3, 65)
print(ffi.string(buf, 5))
ffi.copy(buf, "xyz")
print(ffi.string(buf))

local ip = ffi.cast("int *", listed)
print(ip[1], type(ip), type(listed), ffi.typeof("int *"), ffi.typeof("void (*)(int)"))
print(ffi.abi("64bit"), ffi.abi("le"), ffi.os ~= nil, ffi.arch ~= nil)
print(pcall(function() return ffi.C.not_declared end))
