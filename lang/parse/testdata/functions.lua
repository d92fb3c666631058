function f(a, b, ...)
  return a, b, ...
end

local function g()
  return
end

function t.a.b.c:m(x)
  return self, x
end

function t.x.y(z) return z end

local h = function(...) local a, b = ...; return (...) end
print((f(1, 2)))
print(((f(1))))
f{1, 2}
f"str"
f[[long
string]]
obj:method(1):other "x" {y = 2}
