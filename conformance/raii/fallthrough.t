-- Destructors run when a block ends normally, in reverse order of
-- construction, innermost block first.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:set(i : int) self.id = i; C.printf("ctor %d\n", i) end

terra main()
  var a : R a:set(1)
  var b : R b:set(2)
  do
    var c : R c:set(3)
    do
      var d : R d:set(4)
    end
    var e : R e:set(5)
  end
  if a.id == 1 then
    var f : R f:set(6)
  else
    var g : R g:set(7)
  end
  C.printf("body done\n")
end
main()
