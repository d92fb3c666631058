-- break destroys the variables of the loop body's blocks it leaves, but
-- not those outside the loop.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:set(i : int) self.id = i; C.printf("ctor %d\n", i) end

terra main()
  var outer : R outer:set(1)
  for i = 0, 10 do
    var a : R a:set(10 + i)
    if i == 2 then
      var b : R b:set(30)
      break
    end
    var c : R c:set(20 + i)
  end
  C.printf("after for\n")
  var n = 0
  repeat
    var r : R r:set(40 + n)
    n = n + 1
  until n == 2
  C.printf("after repeat\n")
end
main()
