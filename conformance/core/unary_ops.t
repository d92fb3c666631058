-- Unary minus on integers and doubles, not on bool.
terra f(x : int, d : double, b : bool) : double
  var n = -x
  if not b then n = n * 2 end
  return n + -d
end
print(f(3, 0.5, true), f(3, 0.5, false))
