-- parallel assignment evaluates every right side first
terra f() : int
  var a, b, c = 1, 2, 3
  a, b, c = c, a, b
  return a * 100 + b * 10 + c
end
print(f())
