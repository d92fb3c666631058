-- do ... end opens a scope; inner declarations shadow outer ones.
terra f() : int
  var x = 1
  do
    var x = 10
    x = x + 1
  end
  return x
end
terra g() : int
  var x = 1
  do x = x + 5 end
  return x
end
print(f(), g())
