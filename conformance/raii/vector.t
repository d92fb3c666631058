-- A growable vector that owns heap memory: __init starts it empty,
-- __dtor frees it, __copy duplicates the buffer. Every allocation is
-- freed exactly once, whatever the path out of a function.
local C = terralib.includec("stdlib.h")
local S = terralib.includec("stdio.h")

local allocs = global(int, 0)
local frees = global(int, 0)

struct Vec { data : &double; n : int64; cap : int64 }
terra Vec:__init() self.data, self.n, self.cap = nil, 0, 0 end
terra Vec:__dtor()
  if self.data ~= nil then
    C.free(self.data)
    frees = frees + 1
  end
  self.data, self.n, self.cap = nil, 0, 0
end
terra Vec:push(x : double)
  if self.n == self.cap then
    var cap = 2 * self.cap
    if cap == 0 then cap = 4 end
    var d = [&double](C.malloc(cap * sizeof(double)))
    allocs = allocs + 1
    for i = 0, self.n do d[i] = self.data[i] end
    if self.data ~= nil then C.free(self.data); frees = frees + 1 end
    self.data, self.cap = d, cap
  end
  self.data[self.n] = x
  self.n = self.n + 1
end
terra Vec:sum() : double
  var s = 0.0
  for i = 0, self.n do s = s + self.data[i] end
  return s
end
Vec.methods.__copy = terra(from : &Vec, to : &Vec)
  to:__dtor()
  for i = 0, from.n do to:push(from.data[i]) end
end

terra range(n : int) : Vec
  var v : Vec
  for i = 0, n do v:push(i) end
  return v
end

terra total(v : Vec) : double return v:sum() end

terra work() : double
  var a = range(10)
  var b = a
  b:push(100)
  var s = total(b) + total(range(5))
  var vs : Vec[3]
  for i = 0, 3 do vs[i] = range(i + 1) end
  for i = 0, 3 do
    var t = vs[i]
    s = s + t:sum()
    if i == 1 then break end
  end
  a = b
  return s + a:sum() + range(3):sum()
end

terra main()
  S.printf("result %g\n", work())
  S.printf("allocs %d, frees %d\n", allocs, frees)
end
main()
