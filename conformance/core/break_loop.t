-- break leaves the innermost for or while loop.
terra firstsq(limit : int) : int
  var r = -1
  for i = 1, 100 do
    if i * i > limit then
      r = i
      break
    end
  end
  return r
end
terra w() : int
  var i = 0
  while true do
    i = i + 1
    if i == 7 then break end
  end
  return i
end
terra nested() : int
  var count = 0
  for i = 0, 3 do
    for j = 0, 10 do
      if j == 2 then break end
      count = count + 1
    end
  end
  return count
end
print(firstsq(50), w(), nested())
