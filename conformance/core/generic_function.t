-- A Lua function generating Terra code for a given type; terralib.memoize.
local function Max(T)
  return terra(a : T, b : T) : T
    if a > b then return a end
    return b
  end
end
local maxi = Max(int)
local maxd = Max(double)
print(maxi(3, 9), maxd(2.5, -1))
print(maxi:gettype(), maxd:gettype())
local Box = terralib.memoize(function(T)
  local struct B { v : T }
  return B
end)
print(Box(int) == Box(int), Box(int) == Box(double))
