-- A recursive function needs an explicit return type.
terra fact(n : int)
  if n <= 1 then return 1 end
  return n * fact(n - 1)
end
print(fact(5))
