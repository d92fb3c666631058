-- array(...) takes the meet of its elements; arrayof(T, ...) converts
terra f() : double
  var a = array(1, 2.5, 3)
  return a[0] + a[1] + a[2]
end
print(f())
terra g() : int
  var b = arrayof(int, 1.9, 2, 3)
  return b[0] * 100 + b[1] * 10 + b[2]
end
print(g())
terra h() : int8
  var s = array("ab", "cd")
  return s[1][0]
end
print(h())
print(terralib.sizeof(int[4]))
