terra f() : int
  var s = 0
  for x in 3 do s = s + x end
  return s
end
print(f())
