local m = macro(function(a, b)
  print(a:isluaobject(), b:isluaobject())
  return `0
end)
terra f(x : int) return m(int, x) end
print(f(1))
