terra g() end
terra f() : int
  var x : int = g()
  return x
end
print(f())
