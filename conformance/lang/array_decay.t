-- arrays decay to pointers when passed to pointer parameters
terra sum(p : &int, n : int) : int
  var s = 0
  for i = 0, n do s = s + p[i] end
  return s
end
terra f() : int
  var a = array(1, 2, 3, 4, 5)
  return sum(a, 5)
end
print(f())
