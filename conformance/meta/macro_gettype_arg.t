local describe = macro(function(e)
  local t = e:gettype()
  if t:isfloat() then return `1 else return `2 end
end)
terra f(a : double, b : int) return describe(a) * 10 + describe(b) end
print(f(1, 2))
