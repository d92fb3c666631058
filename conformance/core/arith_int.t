-- Integer +, -, *, unary minus.
local C = terralib.includec("stdio.h")
terra f(a : int, b : int) : int
  return a * b + a - b
end
print(f(6, 7))
terra g() : int
  var x = 17
  var y = 5
  C.printf("%d %d %d %d\n", x + y, x - y, x * y, -x)
  return x - y * 2
end
print(g())
