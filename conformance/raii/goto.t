-- goto out of a block destroys the block's variables; jumping back to a
-- label destroys the variables declared after the label.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:set(i : int) self.id = i; C.printf("ctor %d\n", i) end

terra main()
  var i = 0
  var keep : R keep:set(1)
  ::again::
  var x : R x:set(10 + i)
  i = i + 1
  if i < 3 then goto again end
  do
    var y : R y:set(50)
    do
      var z : R z:set(60)
      goto out
    end
  end
  ::out::
  C.printf("at out\n")
end
main()
