-- Generic for over a memoized Vector(T) container through __for: nesting,
-- break, and an iterated expression (a call) evaluated once per loop.
local C = terralib.includec("stdlib.h")
local Vector = terralib.memoize(function(T)
  local struct V { data : &T; size : int }
  V.metamethods.__for = function(vec, body)
    return quote
      var v = vec
      for i = 0, v.size do [body(`v.data[i])] end
    end
  end
  terra V:push(x : T)
    self.data = [&T](C.realloc(self.data, (self.size + 1) * sizeof(T)))
    self.data[self.size] = x
    self.size = self.size + 1
  end
  return V
end)
local VD, VI = Vector(double), Vector(int)
local made = global(int, 0)
terra build(n : int) : VD
  made = made + 1
  var v = VD { nil, 0 }
  for i = 0, n do v:push(i * 1.5) end
  return v
end
terra f() : double
  var s = 0.0
  for x in build(4) do s = s + x end          -- 0 + 1.5 + 3 + 4.5
  var w = 0.0
  var k = 0
  for x in build(3) do w = w + x * k; k = k + 1 end   -- 0 + 1.5 + 6
  var pairs = 0
  var vi = VI { nil, 0 }
  for i = 0, 5 do vi:push(i) end
  for a in vi do
    for b in vi do
      if b > a then break end
      pairs = pairs + 1
    end
  end
  return s * 1000 + w * 10 + pairs
end
print(f(), made:get(), Vector(int) == Vector(int))
