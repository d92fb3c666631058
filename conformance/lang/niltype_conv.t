-- nil converts to any pointer type
terra f() : bool
  var a : &int = nil
  var b : &double = nil
  var c = nil
  a = c
  return a == nil and b == nil
end
print(f())
