-- a type error found when f is first called
terra f(x : int) : int
  var s : rawstring = "a"
  return x + s
end
print(f(1))
