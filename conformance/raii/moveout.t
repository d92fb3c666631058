-- A returned local (or by-value parameter) is moved out: it is not
-- destroyed, and the caller owns it. Through several calls there is
-- still exactly one destructor call per object.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra make(i : int) : R
  var r : R
  r.id = i
  var other : R
  other.id = -i
  return r
end
terra pass(r : R) : R
  r.id = r.id + 100
  return r
end
terra choose(c : bool) : R
  var a = make(1)
  var b = make(2)
  if c then return a end
  return b
end

terra main()
  var x = pass(make(5))
  C.printf("x = %d\n", x.id)
  var y = choose(true)
  C.printf("y = %d\n", y.id)
  var z = choose(false)
  C.printf("z = %d\n", z.id)
end
main()
