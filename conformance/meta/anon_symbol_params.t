-- Unnamed symbols are distinct variables: a parameter list built from
-- symbol(T) calls never reports a duplicate, and each prints as $<number>.
local ft = {int, int, double} -> double
local params = ft.type.parameters:map(symbol)
print(terralib.islist(ft.type.parameters), #params)
print(tostring(params[1]):match("^%$%d+$") ~= nil, params[1] ~= params[2])

local sum = terra([params]) : ft.type.returntype
  return [params[1]] * 100 + [params[2]] * 10 + [params[3]]
end
print(sum(1, 2, 3.5))
