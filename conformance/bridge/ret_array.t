-- An array result is a cdata; elements read with [] from 0 and # is its length.
terra squares() : int[4]
  var a : int[4]
  for i = 0, 4 do a[i] = i * i end
  return a
end
local a = squares()
print(a[0], a[1], a[2], a[3], #a)
a[1] = 100
print(a[1])
