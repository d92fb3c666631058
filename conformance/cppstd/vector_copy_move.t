-- vector copies are deep (var w = v, w = v), __move__ and returned
-- vectors hand the storage over, and the moved-from vector is empty.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local V = cpp.vector(int)

terra show(name : rawstring, v : &V)
  C.printf("%s:", name)
  for x in v do C.printf(" %d", x) end
  C.printf(" (size %lld)\n", v:size())
end

terra iota(n : int) : V
  var v : V
  for i = 0, n do v:push(i) end
  return v
end

terra main()
  var v = iota(4)
  var w = v
  w(0) = 100
  w:push(4)
  show("v", &v)
  show("w", &w)
  var u : V
  u:push(9)
  u = w
  u(1) = -1
  show("u", &u)
  show("w", &w)
  var data = v:data()
  var m = __move__(v)
  show("m", &m)
  show("v after move", &v)
  C.printf("same storage %d\n", m:data() == data)
  u = iota(2)
  show("u", &u)
end
main()
