-- Mutual recursion inside one group of consecutive terra definitions.
terra even(n : int) : bool
  if n == 0 then return true end
  return odd(n - 1)
end
terra odd(n : int) : bool
  if n == 0 then return false end
  return even(n - 1)
end
print(even(10), odd(7), even(7))
