-- terralib.select evaluates both sides; vector conditions pick per lane
local C = terralib.includec("stdio.h")
terra f(c : bool) : int
  return terralib.select(c, 10, 20)
end
print(f(true), f(false))
terra g() : int
  var a = vector(1, 2, 3, 4)
  var b = vector(10, 20, 30, 40)
  var r = terralib.select(a > 2, a, b)
  return r[0] + r[1] + r[2] + r[3]
end
print(g())
terra side(x : int) : int C.printf("side %d\n", x) return x end
terra h() : int return terralib.select(true, side(1), side(2)) end
print(h())
