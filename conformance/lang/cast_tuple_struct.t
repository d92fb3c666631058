-- tuples cast to structs positionally, anonymous structs by name
struct P { x : int; y : double }
terra f() : double
  var t = {1, 2.5}
  var p : P = t
  var q = [P]({y = 1.5, x = 2})
  return p.x + p.y + q.x + q.y
end
print(f())
