-- A __copy taking a value of another type is used when that type is
-- assigned to (or initializes) the managed type; __copy may live in the
-- methods of either type.
local C = terralib.includec("stdio.h")
struct S { v : int }
S.methods.__init = terra(self : &S) C.printf("init S\n"); self.v = 0 end
S.methods.__dtor = terra(self : &S) C.printf("dtor S %d\n", self.v) end
S.methods.__copy = terralib.overloadedfunction("copy", {
  terra(from : &S, to : &S) C.printf("copy S\n"); to.v = from.v end,
  terra(from : int, to : &S) C.printf("copy int %d\n", from); to.v = from end,
})
struct T { w : double }
T.methods.__dtor = terra(self : &T) C.printf("dtor T %g\n", self.w) end
T.methods.__copy = terra(from : &T, to : &S) C.printf("copy T to S\n"); to.v = [int](from.w * 2) end

terra main()
  var s : S = 5
  C.printf("s = %d\n", s.v)
  s = 7
  C.printf("s = %d\n", s.v)
  var t : T
  t.w = 2.5
  s = t
  C.printf("s = %d\n", s.v)
  var s2 : S = t
  C.printf("s2 = %d\n", s2.v)
end
main()
