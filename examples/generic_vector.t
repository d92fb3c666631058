-- A generic growable array Vector(T), built once per element type with
-- terralib.memoize; v(i) indexes through the __apply metamethod and
-- `for x in v do … end` visits the elements through __for.
local C = terralib.includec("stdlib.h")

local Vector = terralib.memoize(function(T)
  local struct V { data : &T, size : int, cap : int }
  V.metamethods.__typename = function() return "Vector(" .. tostring(T) .. ")" end
  V.metamethods.__apply = macro(function(self, i) return `self.data[i] end)
  -- __for gets a quote of the iterated vector and body(x), which makes
  -- one iteration with the loop variable bound to x.
  V.metamethods.__for = function(vec, body)
    return quote
      var data, size = vec.data, vec.size
      for i = 0, size do [body(`data[i])] end
    end
  end
  terra V:init() self.data, self.size, self.cap = nil, 0, 0 end
  terra V:push(x : T)
    if self.size == self.cap then
      self.cap = self.cap * 2 + 4
      self.data = [&T](C.realloc(self.data, self.cap * sizeof(T)))
    end
    self.data[self.size] = x
    self.size = self.size + 1
  end
  terra V:free() C.free(self.data) end
  return V
end)

local function summer(T)
  return terra(n : int) : T
    var v : Vector(T)
    v:init()
    for i = 0, n do v:push(i) end
    for i = 0, n do v(i) = v(i) * 2 end
    var s : T = 0
    for x in v do s = s + x end
    v:free()
    return s
  end
end

print(Vector(int), Vector(double), Vector(int) == Vector(int))
print(summer(int)(10), summer(double)(100))
