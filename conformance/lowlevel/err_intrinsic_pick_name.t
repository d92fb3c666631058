-- The function given to terralib.intrinsic must return a name first.
local pick = terralib.intrinsic(function(types) return nil, {int} -> int end)
terra f(x : int) : int
  return pick(x)
end
f(1)
