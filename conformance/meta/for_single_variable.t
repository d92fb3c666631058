-- A numeric for loop has exactly one variable, also when it is spliced.
local i, j = symbol(int, "i"), symbol(int, "j")
terra one() var s = 0 for [i] = 0, 4 do s = s + [i] end return s end
print(one())
terra two()
  for [{i, j}] = 0, 3 do end
end
two:compile()
