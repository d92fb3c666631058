-- A managed value that nothing takes over (a call used as a statement,
-- f().field, f():method(), a call in a condition) is destroyed at the
-- end of its full expression.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:get() : int return self.id end
terra mk(i : int) : R
  var r : R
  r.id = i
  C.printf("make %d\n", i)
  return r
end

terra main()
  mk(1)
  C.printf("after statement\n")
  var x = mk(2).id + mk(3).id
  C.printf("x = %d\n", x)
  C.printf("method %d\n", mk(4):get())
  var n = 0
  while mk(5 + n).id < 7 do
    C.printf("loop body %d\n", n)
    n = n + 1
  end
  if mk(8):get() == 8 then C.printf("then\n") end
  C.printf("done\n")
end
main()
