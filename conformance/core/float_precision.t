-- float is single precision: 0.1f widened to double differs from 0.1.
terra f() : bool
  var x : float = 0.1
  return x == 0.1
end
terra g() : bool
  var x : float = 0.5
  return x == 0.5
end
print(f(), g())
