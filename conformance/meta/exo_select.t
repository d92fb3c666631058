-- terralib.select on struct operands goes through __select.
struct C { re : double; im : double }
C.metamethods.__select = terra(c : bool, a : C, b : C)
  if c then return a else return b end
end
struct M { v : int }
M.metamethods.__select = macro(function(c, a, b)
  return `M { terralib.select(c, a.v, b.v) * 2 }
end)
terra f(x : bool)
  var a, b = C { 1, 2 }, C { 3, 4 }
  var r = terralib.select(x, a, b)
  var m = terralib.select(x, M { 5 }, M { 7 })
  return r.re + r.im, m.v
end
local t, e = f(true), f(false)
print(t._0, t._1, e._0, e._1)
