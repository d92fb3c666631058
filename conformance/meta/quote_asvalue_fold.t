-- quote:asvalue(): literals and constructors of literals give Lua
-- values (constructors become tables, by position or by field name);
-- other constant expressions are evaluated; anything else gives nil and
-- a reason.
print((`1 + 2):asvalue(), (`2.5 * 2):asvalue(), (`[int8](300)):asvalue())
local t = (`{ 1, 2.5, true }):asvalue()
print(type(t), t[1], t[2], t[3])
local n = (`{ a = 1, b = "x" }):asvalue()
print(n.a, n.b)
local show = macro(function(e)
  local v, why = e:asvalue()
  print("at expansion:", v, why ~= nil)
  return e
end)
terra f(x : int) return show(4 * 4) + show(x) end
print(f(1))
local v, why = (quote var y = 1 end):asvalue()
print(v, why:match("^not a constant value") ~= nil)
