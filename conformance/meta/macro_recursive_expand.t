local pow
pow = macro(function(x, n)
  local k = n:asvalue()
  if k == 0 then return `1 end
  return `x * pow(x, [k - 1])
end)
terra f(x : int) return pow(x, 5) end
print(f(2))
