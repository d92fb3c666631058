-- bool values: literals, comparisons stored in variables, == on bools.
terra f(a : bool, b : bool) : bool
  var same = a == b
  var c : bool = true
  return same and c
end
print(f(true, true), f(true, false), f(false, false))
