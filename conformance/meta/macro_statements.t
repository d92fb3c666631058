local swap = macro(function(a, b)
  return quote var t = a; a = b; b = t end
end)
terra f() var x, y = 1, 2; swap(x, y); return x * 10 + y end
print(f())
