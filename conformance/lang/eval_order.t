-- call arguments and constructor fields are evaluated left to right
local C = terralib.includec("stdio.h")
terra s(x : int) : int C.printf("%d ", x) return x end
terra add3(a : int, b : int, c : int) : int return a + b + c end
terra f() : int
  var r = add3(s(1), s(2), s(3))
  var t = { s(4), s(5) }
  C.printf("\n")
  return r + t._0 + t._1
end
print(f())
