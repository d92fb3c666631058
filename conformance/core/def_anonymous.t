-- Anonymous terra(...) end is an expression.
local add = terra(a : int, b : int) : int return a + b end
print(add(2, 3))
local fns = {}
for i = 1, 3 do
  fns[i] = terra(x : int) : int return x * [i] end
end
print(fns[1](10), fns[2](10), fns[3](10))
print(terralib.isfunction(add))
