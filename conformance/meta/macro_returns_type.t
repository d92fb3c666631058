local ty = macro(function() return double end)
terra f(x : int) return ty()(x) / 2 end
print(f(3))
