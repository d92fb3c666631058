-- An error in a __dtor macro's expansion is reported where it is, and
-- the use that needed the destructor says so.
struct A { x : int }
A.methods.__dtor = macro(function(self) return `self.missing end)
terra main()
  var a : A
end
main()
