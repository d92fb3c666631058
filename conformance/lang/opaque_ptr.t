-- any pointer converts implicitly to &opaque
terra id(p : &opaque) : &opaque return p end
terra f() : int
  var x = 42
  var o = id(&x)
  var back = [&int](o)
  return @back
end
print(f())
