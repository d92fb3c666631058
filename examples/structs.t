-- structs.t: a struct with C layout and methods defined with `terra S:m()`.
local C = terralib.includec("stdio.h")

struct Vec2 {
  x : double;
  y : double;
}

-- `self` is a &Vec2; fields are reached through the pointer with `.`.
terra Vec2:scale(k : double)
  self.x = self.x * k
  self.y = self.y * k
end

terra Vec2:dot(o : Vec2) : double
  return self.x * o.x + self.y * o.y
end

terra Vec2:print()
  C.printf("(%g, %g)\n", self.x, self.y)
end

terra demo() : double
  var v = Vec2 { 1.5, 2 }
  v:print()
  v:scale(2)
  v:print()
  return v:dot(Vec2 { 1, 1 })
end

print(demo())
print(Vec2, terralib.sizeof(Vec2))
