-- two structs that point at each other in one definition group
struct A { b : &B; v : int }
struct B { a : &A; w : int }
terra f() : int
  var a : A
  var b : B
  a.b, a.v = &b, 1
  b.a, b.w = &a, 2
  return a.b.a.b.w * 10 + b.a.v
end
print(f())
