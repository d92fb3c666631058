-- In constructor braces a field that starts with an escape is a whole
-- expression ([T](x) << 16) unless a bare escape is followed by '='
-- (a field name: a string, a symbol or a label).
struct S { v : int }
local key, lab = "k", label()
terra f(x : int8)
  var s = S { [int32](x) << 16 }
  var t = { a = [int32](x) + 1, [key] = 2, [lab] = 3 }
  return s.v + t.a + t.k + t.[lab]
end
print(f(1))
-- a method name may be an escape
struct C { n : int }
terra C:twice() return self.n * 2 end
local which = "twice"
terra g() var c = C { 21 } return c:[which]() end
print(g())
-- terralib.sizeof is the sizeof macro, in Lua and in Terra code
terra h() return terralib.sizeof(int16) end
print(h(), terralib.sizeof(double))
