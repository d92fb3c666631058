-- struct S forward declaration, usable behind pointers, defined later
struct S
terra count(p : &S) : bool return p == nil end
print(count(nil), S:iscomplete())
struct S { a : int; b : int }
terra use() : int
  var s = S { 4, 5 }
  return s.a * s.b
end
print(use(), S:iscomplete())
