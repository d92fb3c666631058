local x =
  1 +
  2 *
  3
print(
  x,
  x
)
local t = setmetatable(
  {},
  {__index = function(t, k)
    return k
  end}
)
call(a
  , b)
local f = function
  (a)
  return a
end
y = a
  and b
  or c
