-- A struct or array cdata used in Terra code is an lvalue naming its memory.
struct S { a : int, b : double }
local s = terralib.new(S, {1, 2})
local arr = terralib.new(int[3], {1, 2, 3})
terra set(v : int) s.a = v; s.b = v / 2.0 end
terra bump() for i = 0, 3 do arr[i] = arr[i] * 10 end end
terra get() : int return s.a + arr[2] end
set(9)
bump()
print(s.a, s.b, arr[0], arr[2], get())
