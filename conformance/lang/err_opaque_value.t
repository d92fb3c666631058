terra f(p : &opaque) : int
  var x = @p
  return 0
end
print(f(nil))
