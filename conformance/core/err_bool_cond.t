-- Conditions must be bool; integers are not truth values.
terra f() : int
  if 3 then return 1 end
  return 0
end
print(f())
