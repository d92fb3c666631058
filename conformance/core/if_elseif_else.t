-- if / elseif / else chains.
terra classify(x : int) : int
  if x < 0 then
    return -1
  elseif x == 0 then
    return 0
  elseif x < 10 then
    return 1
  else
    return 2
  end
end
print(classify(-5), classify(0), classify(7), classify(100))
