-- A language extension: formulas compiled to Terra functions.
-- The language lives in lib/mathfn.t; `import` loads it while this file is
-- being parsed, so `mathfn` starts a formula from here on.
import "lib.mathfn"

local C = terralib.includec("math.h")
local k = 3

local f = mathfn (x, y) x * x + k * y ^ 2 end

print(f(1, 2))          -- 1 + 3 * 4
print(f:gettype())

local sqrt = C.sqrt      -- a Lua local the formula refers to
local h = mathfn (t) 2 * sqrt(t) - (t - 1) / 4 end
print(h(16))            -- 8 - 3.75

-- The generated functions are ordinary Terra functions.
terra sum(n : int) : double
  var s = 0.0
  for i = 0, n do s = s + f(i, 1) end
  return s
end
print(sum(4))           -- (0+3) + (1+3) + (4+3) + (9+3)
