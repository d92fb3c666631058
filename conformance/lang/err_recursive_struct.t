struct A { a : A }
terra f() : int
  var x : A
  return 0
end
print(f())
