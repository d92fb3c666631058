-- numeric for with negative and typed steps
terra f() : int
  var s = 0
  for i = 10, 0, -2 do s = s * 10 + i / 2 end
  return s
end
print(f())
terra g(step : int) : int
  var n = 0
  for i = 0, 10, step do n = n + 1 end
  return n
end
print(g(3), g(1))
terra h() : int
  var n = 0
  for i : int8 = 5, -5, -1 do n = n + i end
  return n
end
print(h())
