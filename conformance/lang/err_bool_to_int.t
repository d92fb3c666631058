terra f(b : bool) : int
  var x : int = b
  return x
end
print(f(true))
