-- terralib.select on managed values evaluates both and yields the chosen
-- one as a place: taking it copies (or moves) from there, and call
-- results among the operands are temporaries.
local C = terralib.includec("stdio.h")
struct M { id : int }
M.methods.__dtor = terra(self : &M) C.printf("dtor %d\n", self.id) end
terra mk(i : int) : M var m : M m.id = i return m end

terra main(c : bool)
  var a = mk(1)
  var x = terralib.select(c, a, mk(2))
  C.printf("x = %d, a = %d\n", x.id, a.id)
end
main(true)
print("--")
main(false)
