terra f(x : int, y : int) : int
  switch x do
    case y then return 1
  end
  end
  return 0
end
print(f(1, 1))
