-- vector lanes are lvalues
terra f() : int
  var v : vector(int, 4) = 0
  for i = 0, 4 do v[i] = i * i end
  v[2] = v[2] + 100
  return v[0] + v[1] + v[2] + v[3]
end
print(f())
