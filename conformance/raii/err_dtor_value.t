-- A __dtor must be a function or a macro.
struct A { x : int }
A.methods.__dtor = 42
terra main()
  var a : A
end
main()
