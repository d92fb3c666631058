-- String literals in Terra are rawstring (&int8) values.
local C = terralib.includec("stdio.h")
terra f()
  var s = "hello"
  C.printf("%s world\n", s)
  C.printf("%c%c\n", [int](s[0]), [int](s[4]))
end
f()
terra code() : int
  var t = "A\n"
  return t[0] * 100 + t[1]
end
print(code())
terra g() : rawstring return "unused" end
print(g:gettype())
