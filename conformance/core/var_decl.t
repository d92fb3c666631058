-- var with type and initializer, inferred type, no initializer, and lists.
terra f() : int
  var a : int = 1
  var b = 2
  var c : int
  c = 3
  var d : int, e = 4, 5
  return a + b + c + d + e
end
print(f())
