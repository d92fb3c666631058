-- structs nested by value; field assignment through several levels
struct In { a : int; b : int }
struct Out { i : In; k : int }
terra f() : int
  var o = Out { In { 1, 2 }, 3 }
  o.i.b = 20
  var c = o
  c.i.a = 100
  return o.i.a + o.i.b + o.k + c.i.a
end
print(f())
