terra f(x : double) : int
  switch x do
    case 1 then return 1
  end
  end
  return 0
end
print(f(1))
