-- for with a typed loop variable.
terra f() : int
  var s = 0
  for i : int64 = 0, 5 do s = s + i end
  return s
end
print(f())
