-- scalars broadcast against vectors in comparisons
terra f() : int
  var v = vector(1.5, 2.5, 3.5, 4.5)
  var m = v > 2
  var n = 0
  for i = 0, 4 do if m[i] then n = n + 1 end end
  return n
end
print(f())
