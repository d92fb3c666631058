local function makeadder(k)
  return terra(x : int) return x + k end
end
local a5, a7 = makeadder(5), makeadder(7)
print(a5(1), a7(1))
