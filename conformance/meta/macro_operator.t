-- operator(op, ...) applies an operator named by symbol or metamethod name;
-- a Lua list argument expands; terralib.defaultoperator builds quotes from Lua.
local add = terralib.defaultoperator("+")
local addm = terralib.defaultmetamethod("__add")
terra f() return [add(`3, addm(`4, `5))] end
print(f())
for _, op in ipairs({ "__sub", "+", "*", "__div", "%", "<", ">=", "__eq", "__xor", "<<" }) do
  local args = { `7, `2 }
  local g = terra() return operator(op, args) end
  print(op, g())
end
local neg = terra(a : int) return operator("__unm", a), operator("-", a) end
local r = neg(5)
print(r._0, r._1)
local inv = terra(a : bool) return operator("not", a) end
print(inv(true))
struct V { x : int }
V.metamethods.__add = terra(a : V, b : V) return V { a.x + b.x * 10 } end
terra h() var v, w = V { 3 }, V { 4 }; return operator("__add", v, w).x end
print(h())
local pick = terra(c : bool) return operator("select", c, 1, 2) end
print(pick(true), pick(false))
