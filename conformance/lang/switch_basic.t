-- switch with several values per case and an else branch
terra f(x : int) : int
  var r = 0
  switch x do
    case 1 then r = 10
    case 2, 3 then r = 20
    case -4 then r = 40
  else
    r = 99
  end
  return r
end
print(f(1), f(2), f(3), f(-4), f(5))
