terra f(x : int)
  if x > 0 then return 1 end
  return 1, 2
end
print(f(1))
