struct P { x : int }
terra f() : int
  var p : P = { 1, 2 }
  return p.x
end
print(f())
