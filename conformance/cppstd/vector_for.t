-- for x in v: over a vector variable, a pointer to one, a vector a call
-- returns (evaluated once, kept alive for the loop), nested loops and
-- break; the loop does not copy the vector.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local V = cpp.vector(double)

local calls = global(int, 0)
terra make(n : int) : V
  calls = calls + 1
  var v : V
  for i = 0, n do v:push(i * 0.5) end
  return v
end

terra sum(v : &V) : double
  var s = 0.0
  for x in v do s = s + x end
  return s
end

terra main()
  var v = make(5)
  var s = 0.0
  for x in v do s = s + x end
  C.printf("lvalue %g pointer %g\n", s, sum(&v))
  var t = 0.0
  for x in make(4) do t = t + x * 10 end
  C.printf("rvalue %g calls %d\n", t, calls)
  var pairs = 0
  for a in v do
    for b in v do
      if b > a then break end
      pairs = pairs + 1
    end
  end
  C.printf("pairs %d\n", pairs)
  var empty : V
  var n = 0
  for x in empty do n = n + 1 end
  C.printf("empty loop ran %d times\n", n)
end
main()
