-- a multi-value call used as one value is a tuple
terra two() : {int, int} return 3, 4 end
terra take(t : {int, int}) : int return t._0 * t._1 end
terra f() : int
  return take(two())
end
print(f())
local q = quote in 5, 6 end
terra g() : int
  var a, b = q
  return a * b
end
print(g())
