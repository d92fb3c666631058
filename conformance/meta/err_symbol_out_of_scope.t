local x = symbol(int, "x")
terra f()
  return [x] + 1
end
f()
