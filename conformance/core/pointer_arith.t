-- Pointer + integer, pointer - pointer, and p[i].
terra f() : int
  var a : int[5]
  for i = 0, 5 do a[i] = i * 10 end
  var p : &int = a
  var q = p + 3
  return @q + (q - p) + p[4]
end
print(f())
