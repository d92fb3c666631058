-- & takes an address, @ dereferences; pointers to pointers.
terra f() : int
  var x = 5
  var p = &x
  @p = @p + 1
  var pp = &p
  @@pp = @@pp * 7
  return x
end
terra set(p : &int, v : int) @p = v end
terra g() : int
  var y = 0
  set(&y, 9)
  return y
end
print(f(), g())
