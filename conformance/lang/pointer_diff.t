-- pointer arithmetic scales by the element size; pointer difference is ptrdiff
terra f() : int64
  var a : double[10]
  var p = &a[2]
  var q = p + 5
  return q - p
end
print(f())
terra g() : int
  var a = array(10, 20, 30, 40)
  var p : &int = a
  p = p + 3
  p = p - 1
  return @p + p[1]
end
print(g())
