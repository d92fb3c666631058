-- Symbols made without a name are distinct variables even when several
-- are declared in one statement or block; an escape in a declaration
-- may give one symbol, a list of them, or an empty list.
local x, y = symbol(double), symbol(int)
local more = { symbol(int), symbol(int) }
local nothing = {}
terra vars()
  var [x], [y] = 1.5, 2.5
  var [more], [nothing] = 10, 20
  return [x] + [y] + [more[1]] + [more[2]]
end
print(vars())

local p = symbol(int)
local rest = { symbol(int), symbol(int) }
terra params([p], q : int, [rest], [nothing])
  return [p] * 1000 + q * 100 + [rest[1]] * 10 + [rest[2]]
end
print(params(1, 2, 3, 4))
print(#params:gettype().parameters)
