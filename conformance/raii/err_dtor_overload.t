-- An overloaded __dtor needs a definition taking the object by address.
struct A { x : int }
A.methods.__dtor = terralib.overloadedfunction("dtor", {
  terra(self : A) end,
  terra(self : &A, n : int) end,
})
terra main()
  var a : A
end
main()
