-- A goto may not jump forward over the declaration of a managed
-- variable: its destructor would run on an object never initialized.
struct A { x : int }
A.methods.__dtor = terra(self : &A) end
terra main(n : int)
  if n > 0 then goto skip end
  var a : A
  ::skip::
end
main(1)
