-- Pointer casts: any pointer to &opaque implicitly; pointer <-> integer explicitly.
terra f() : int
  var x : int = 77
  var o : &opaque = &x
  var p = [&int](o)
  var addr = [intptr](p)
  var back = [&int](addr)
  return @back
end
print(f())
