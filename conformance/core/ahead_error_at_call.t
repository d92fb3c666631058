-- A function whose body uses numbers only may be checked and compiled
-- when it is defined; its type error is still reported at its first use.
terra bad(x : int) : int
  var y : int = x
  return y + true
end
print("defined")
local ok, err = pcall(function() return bad(1) end)
print(ok)
print(err)
local fns = {}
for i = 1, 20 do
  fns[i] = terra(n : int) : double
    var s = 0.0
    for k = 0, n do s = s * 0.5 + [i] end
    return s
  end
end
local sum = 0
for i = 1, 20 do sum = sum + fns[i](4) end
print(sum)
