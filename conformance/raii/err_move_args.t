-- __move__ and __handle__ take exactly one value.
struct A { x : int }
A.methods.__dtor = terra(self : &A) end
terra main()
  var a : A
  var b : A
  var c = __move__(a, b)
end
main()
