struct A { a : int }
A.metamethods.__update = terra(self : &A, i : int, v : int) self.a = i + v end
terra f()
  var a : A
  a(1, 2) = 3
  return a.a
end
f()
