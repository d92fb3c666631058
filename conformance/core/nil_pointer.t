-- nil converts to any pointer type.
terra isnull(p : &int) : bool return p == nil end
terra f() : bool
  var p : &int = nil
  return isnull(p)
end
terra g() : bool
  var x = 1
  return isnull(&x)
end
print(f(), g(), isnull(nil))
