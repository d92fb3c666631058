-- A fastcc function compiled in one batch keeps its convention when a
-- function compiled in a later batch calls it (the many arguments make a
-- convention mismatch visible in the values).
struct P { a : double, b : double, c : double }
terra f(x : int, y : double, p : P, q : int, r : double, s : int, t : int, u : int, v : int) : double
  return x * 1000 + y + p.a + p.b * 10 + p.c * 100 + q * 10000 + r + s + t * 2 + u * 3 + v * 4
end
f:setcallingconv("fastcc")
print(f(1, 0.5, {1, 2, 3}, 2, 0.125, 1, 1, 1, 1))
terra g(n : int) : double
  var p = P { n, n + 1, n + 2 }
  return f(n, 0.25, p, n, 0.5, n, n, n, n)
end
print(g(2))
terra h(n : int) : double return g(n) + f(n, 0, P { 0, 0, 0 }, 0, 0, 0, 0, 0, 0) end
print(h(3))
local ok, msg = pcall(function() f:setcallingconv("ccc") end)
print(ok, msg:match("cannot change.*"))
f:setcallingconv("fastcc")
print(f:getpointer() ~= nil)
