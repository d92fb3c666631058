-- User defers and destructors run in one reverse order of registration.
local C = terralib.includec("stdio.h")
struct R { id : int }
R.methods.__init = terra(self : &R) self.id = 0 end
R.methods.__dtor = terra(self : &R) C.printf("dtor %d\n", self.id) end
terra R:set(i : int) self.id = i; C.printf("ctor %d\n", i) end
terra say(s : rawstring) C.printf("defer %s\n", s) end

terra f(k : int) : int
  defer say("first")
  var a : R a:set(1)
  defer say("second")
  var b : R b:set(2)
  if k > 0 then
    defer say("inner")
    var c : R c:set(3)
    return k
  end
  defer say("third")
  return 0
end

terra main()
  C.printf("f(1) = %d\n", f(1))
  C.printf("f(0) = %d\n", f(0))
end
main()
