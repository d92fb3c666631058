-- T{...} positional and named constructors
struct P { x : int; y : double }
terra f() : double
  var a = P { 1, 2.5 }
  var b = P { y = 4.0, x = 3 }
  return a.x + a.y + b.x + b.y
end
print(f())
