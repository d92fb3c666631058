-- A struct with fields assigned one by one.
struct Point { x : int; y : int }
terra mk() : int
  var p : Point
  p.x = 3
  p.y = 4
  return p.x * p.x + p.y * p.y
end
print(mk())
print(Point, terralib.sizeof(Point))
