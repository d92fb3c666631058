-- A container generated per element type asks terralib.ismanaged(T)
-- whether its elements need destroying and copying; vectors of vectors
-- then clean up recursively. After the question, T.methods has the
-- generated methods of a composed T.
local C = terralib.includecstring [[
#include <stdlib.h>
#include <string.h>
]]
local S = terralib.includec("stdio.h")

struct Str { p : &int8 }
terra Str:__dtor()
  if self.p ~= nil then S.printf("free %s\n", self.p); C.free(self.p) end
  self.p = nil
end
terra mkstr(s : rawstring) : Str
  var r : Str
  r.p = [&int8](C.malloc(C.strlen(s) + 1))
  C.strcpy(r.p, s)
  return r
end

local Vector = terralib.memoize(function(T)
  local managed = terralib.ismanaged(T)
  local struct V { data : &T; n : int }
  terra V:__init() self.data, self.n = nil, 0 end
  terra V:__dtor()
    escape
      if managed then
        emit quote for i = 0, self.n do self.data[i]:__dtor() end end
      end
    end
    C.free(self.data)
    self.data, self.n = nil, 0
  end
  terra V:push(x : T)
    self.data = [&T](C.realloc(self.data, (self.n + 1) * sizeof(T)))
    -- The new slot is raw memory: initialize it before assigning to it.
    escape if managed then emit quote self.data[self.n]:__init() end end end
    self.data[self.n] = __move__(x)
    self.n = self.n + 1
  end
  return V
end)

struct Named { name : Str; id : int }
print("Str managed", terralib.ismanaged(Str), "int managed", terralib.ismanaged(int))
print("Named managed", terralib.ismanaged(Named), Named.methods.__dtor ~= nil)

terra main()
  var vv : Vector(Vector(Str))
  for i = 0, 2 do
    var v : Vector(Str)
    v:push(mkstr("a"))
    v:push(mkstr("b"))
    vv:push(v)
  end
  var ns : Vector(Named)
  ns:push(Named { mkstr("named"), 1 })
  var ints : Vector(int)
  ints:push(3)
  S.printf("sizes %d %d %d\n", vv.n, ns.n, ints.n)
end
main()
