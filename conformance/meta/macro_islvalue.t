local m = macro(function(a, b)
  print(a:islvalue(), b:islvalue())
  return `0
end)
terra f(x : int) return m(x, x + 1) end
print(f(1))
