-- metamethods.__luametatable replaces the default methods lookup from Lua.
struct V { x : int, y : int }
V.metamethods.__luametatable = {
  __index = function(self, k) if k == "sum" then return self.x + self.y end end,
  __tostring = function(self) return "V<" .. self.x .. "," .. self.y .. ">" end,
}
local v = terralib.new(V, {2, 3})
print(v.sum, tostring(v), v.x)
