-- A return destroys every live managed variable of every enclosing
-- block, innermost first, after the returned value is computed.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:set(i : int) self.id = i; C.printf("ctor %d\n", i) end

terra early(k : int) : int
  var a : R a:set(1)
  var i = 0
  while true do
    var b : R b:set(10 + i)
    if i == k then
      var c : R c:set(100)
      return a.id + b.id + c.id
    end
    var d : R d:set(20 + i)
    i = i + 1
  end
end

terra main()
  C.printf("result %d\n", early(1))
end
main()
