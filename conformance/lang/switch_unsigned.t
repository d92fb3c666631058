-- switch on unsigned and 64-bit values; case values convert to the switch type
terra f(x : uint8) : int
  switch x do
    case 255 then return 1
    case 0 then return 2
  end
  end
  return 3
end
print(f(255), f(0), f(7))
terra g(x : int64) : int
  switch x do
    case 10000000000LL then return 1
  else
    return 0
  end
end
print(g(1e10), g(1))
