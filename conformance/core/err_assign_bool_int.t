-- bool does not convert implicitly to int.
terra f() : int
  var x : int = true
  return x
end
print(f())
