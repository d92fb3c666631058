-- An __init must take only the object, by address.
struct A { x : int }
A.methods.__dtor = terra(self : &A) end
A.methods.__init = terra(self : &A, n : int) self.x = n end
terra make() : A
  var a : A
  return a
end
make()
