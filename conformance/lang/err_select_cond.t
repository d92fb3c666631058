terra f(a : int) : int
  return terralib.select(a, 1, 2)
end
print(f(1))
