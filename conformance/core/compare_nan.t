-- NaN compares unequal to itself.
terra isnan(x : double) : bool return x ~= x end
terra f() : bool
  var z = 0.0
  return isnan(z / z)
end
print(f(), isnan(1.5))
