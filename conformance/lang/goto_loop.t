-- goto and labels build loops
terra f(n : int) : int
  var s, i = 0, 0
  ::loop::
  if i >= n then goto done end
  s = s + i
  i = i + 1
  goto loop
  ::done::
  return s
end
print(f(10), f(0))
