struct P { x : int, y : int }
local fields = { "x", "y" }
terra f(p : P)
  var s = 0
  escape for _, n in ipairs(fields) do emit quote s = s * 10 + p.[n] end end end
  return s
end
print(f(P { 4, 2 }))
