terra f(x : int) : int
  switch x do
    case 1 then return 1
    case 3 - 2 then return 2
  end
  end
  return 0
end
print(f(1))
