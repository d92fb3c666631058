-- Stack objects of a class with a destructor are destroyed when their
-- block is left, in reverse order of construction, on every path; a
-- returned object is moved out to the caller, not destroyed.
import "cpp"
local C = terralib.includec("stdio.h")

class Tracer
  id : int
  new(id : int) self.id = id; C.printf("Tracer(%d)\n", id) end
  destructor() C.printf("~Tracer(%d)\n", self.id) end
end

terra make(id : int) : Tracer
  var t = Tracer(id)
  C.printf("make returns %d\n", t.id)
  return t
end

terra scopes()
  var a = Tracer(1)
  do
    var b = Tracer(2)
    var c = Tracer(3)
    C.printf("inner block ends\n")
  end
  var d = make(4)
  C.printf("scopes ends with %d\n", d.id)
end

terra early(flag : bool) : int
  var a = Tracer(10)
  if flag then
    var b = Tracer(11)
    return 1
  end
  var c = Tracer(12)
  return 2
end

terra loop()
  for i = 0, 3 do
    var t = Tracer(20 + i)
    if i == 1 then break end
    C.printf("iteration %d ends\n", i)
  end
  C.printf("after the loop\n")
end

terra main()
  scopes()
  C.printf("--\n")
  C.printf("early -> %d\n", early(true))
  C.printf("--\n")
  C.printf("early -> %d\n", early(false))
  C.printf("--\n")
  loop()
end
main()
