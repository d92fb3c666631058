terra f(a : bool) : bool
  return a + a
end
print(f(true))
