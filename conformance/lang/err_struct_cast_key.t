struct P { x : int; y : int }
terra f() : int
  var p : P = { x = 1, z = 2 }
  return p.x
end
print(f())
