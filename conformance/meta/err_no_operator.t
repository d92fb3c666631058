struct S { v : int }
terra f() var a, b = S { 1 }, S { 2 }
  var c = a + b
  return c.v
end
f()
