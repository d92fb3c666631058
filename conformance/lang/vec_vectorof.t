-- vectorof(T, ...) converts the elements to T
terra f() : double
  var v = vectorof(double, 1, 2, 3)
  var s = v / 2
  return s[0] + s[1] + s[2]
end
print(f())
terra g() : int8
  var v = vectorof(int8, 100, 100)
  var w = v + v
  return w[0]
end
print(g())
