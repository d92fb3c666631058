-- tuple types are memoized; fields are _0, _1, ...
print(tuple(int, double) == tuple(int, double), tuple(int) == tuple(int8))
print(tostring(tuple(int, bool)))
terra f() : int
  var t : tuple(int, int, int) = {1, 2, 3}
  t._1 = t._1 * 10
  return t._0 + t._1 + t._2
end
print(f())
terra g() : {int, double}
  return 3, 4.5
end
terra h() : double
  var t = g()
  return t._0 + t._1
end
print(h())
