-- A __copy whose body does not typecheck is reported where a copy is made,
-- not silently replaced by a move.
struct A { x : int }
A.methods.__dtor = terra(self : &A) end
A.methods.__copy = terra(from : &A, to : &A)
  to.x = from.nosuchfield
end
terra main()
  var a : A
  var b = a
end
main()
