terra cube(x : int) : int
  var s = 1
  for i = 0, 3 do s = s * x end
  return s
end
print(cube(7))
