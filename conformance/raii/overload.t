-- __copy may be an overloaded function (overloads taking other types are
-- allowed and are not used for copies) or a macro; __init and __dtor may
-- be macros too.
local C = terralib.includec("stdio.h")
struct S { id : int }
S.methods.__dtor = terra(self : &S) C.printf("dtor S %d\n", self.id) end
S.methods.__copy = terralib.overloadedfunction("copy", {
  terra(from : int, to : &S) to.id = from end,
  terra(from : &S, to : &S) C.printf("copy S %d\n", from.id); to.id = from.id end,
})
struct T { id : int }
T.methods.__init = macro(function(self) return quote self.id = 7 end end)
T.methods.__dtor = macro(function(self) return quote C.printf("dtor T %d\n", self.id) end end)
T.methods.__copy = macro(function(from, to)
  return quote C.printf("copy T %d\n", from.id); to.id = from.id * 2 end
end)

terra main()
  var s : S
  s.id = 1
  var s2 = s
  var t : T
  var t2 = t
  C.printf("s2 = %d, t = %d, t2 = %d\n", s2.id, t.id, t2.id)
end
main()
