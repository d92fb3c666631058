-- terralist: Lua lists with functional helpers (terralib.newlist).
-- Every function-valued argument may also be a string: an operator
-- ("+", "<", …) or the name of a field or method of the element.
local List = {}
List.__index = List
List.__islist = true

local binops = {
  ["+"] = function(a, b) return a + b end, ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end, ["/"] = function(a, b) return a / b end,
  ["%"] = function(a, b) return a % b end, ["^"] = function(a, b) return a ^ b end,
  [".."] = function(a, b) return a .. b end,
  ["<"] = function(a, b) return a < b end, ["<="] = function(a, b) return a <= b end,
  [">"] = function(a, b) return a > b end, [">="] = function(a, b) return a >= b end,
  ["=="] = function(a, b) return a == b end, ["~="] = function(a, b) return a ~= b end,
  ["and"] = function(a, b) return a and b end, ["or"] = function(a, b) return a or b end,
}

-- callable turns a function-or-selector argument into a function.
local function callable(f, ...)
  local extra = select("#", ...)
  local args = { ... }
  if type(f) == "string" then
    if binops[f] then
      return binops[f]
    end
    local name = f
    return function(x, ...)
      local v = x[name]
      if type(v) == "function" then
        if extra > 0 then return v(x, unpack(args, 1, extra)) end
        return v(x, ...)
      end
      return v
    end
  end
  if extra > 0 then
    return function(...)
      local n = select("#", ...)
      local all = { ... }
      for i = 1, extra do all[n + i] = args[i] end
      return f(unpack(all, 1, n + extra))
    end
  end
  return f
end

function List:new(t) return setmetatable(t or {}, List) end
setmetatable(List, { __call = function(self, t) return List:new(t) end })

function List:isclassof(x) return getmetatable(x) == List end
List.insert = table.insert
List.remove = table.remove
List.concat = table.concat
List.sort = table.sort
function List:insertall(other)
  for _, v in ipairs(other) do self[#self + 1] = v end
  return self
end
function List:__tostring()
  local parts = {}
  for i, v in ipairs(self) do parts[i] = tostring(v) end
  return "{" .. table.concat(parts, ",") .. "}"
end
function List.__concat(a, b)
  local r = List()
  r:insertall(a); r:insertall(b)
  return r
end
function List:isempty() return #self == 0 end
function List:sub(i, j)
  local n = #self
  i = i or 1
  j = j or n
  if i < 0 then i = n + i + 1 end
  if j < 0 then j = n + j + 1 end
  local r = List()
  for k = i, j do r[#r + 1] = self[k] end
  return r
end
function List:rev()
  local r = List()
  for i = #self, 1, -1 do r[#r + 1] = self[i] end
  return r
end
function List:mapi(f, ...)
  f = callable(f, ...)
  local r = List()
  for i, v in ipairs(self) do r[i] = f(i, v) end
  return r
end
function List:map(f, ...)
  f = callable(f, ...)
  local r = List()
  for i, v in ipairs(self) do r[i] = f(v) end
  return r
end
function List:appi(f, ...)
  f = callable(f, ...)
  for i, v in ipairs(self) do f(i, v) end
end
function List:app(f, ...)
  f = callable(f, ...)
  for _, v in ipairs(self) do f(v) end
end
function List:filteri(f, ...)
  f = callable(f, ...)
  local r = List()
  for i, v in ipairs(self) do if f(i, v) then r[#r + 1] = v end end
  return r
end
function List:filter(f, ...)
  f = callable(f, ...)
  return self:filteri(function(_, v) return f(v) end)
end
function List:flatmapi(f, ...)
  f = callable(f, ...)
  local r = List()
  for i, v in ipairs(self) do
    for _, w in ipairs(f(i, v)) do r[#r + 1] = w end
  end
  return r
end
function List:flatmap(f, ...)
  f = callable(f, ...)
  return self:flatmapi(function(_, v) return f(v) end)
end
function List:findi(f, ...)
  f = callable(f, ...)
  for i, v in ipairs(self) do if f(i, v) then return v, i end end
  return nil
end
function List:find(f, ...)
  f = callable(f, ...)
  return self:findi(function(_, v) return f(v) end)
end
-- partition groups elements by key; f returns key [, value].
function List:partitioni(f, ...)
  f = callable(f, ...)
  local groups = {}
  for i, v in ipairs(self) do
    local k, val = f(i, v)
    if val == nil then val = v end
    groups[k] = groups[k] or List()
    groups[k]:insert(val)
  end
  return groups
end
function List:partition(f, ...)
  f = callable(f, ...)
  return self:partitioni(function(_, v) return f(v) end)
end
function List:foldi(init, f, ...)
  f = callable(f, ...)
  local acc = init
  for i, v in ipairs(self) do acc = f(i, acc, v) end
  return acc
end
function List:fold(init, f, ...)
  f = callable(f, ...)
  return self:foldi(init, function(_, a, v) return f(a, v) end)
end
function List:reducei(f, ...)
  f = callable(f, ...)
  local n = #self
  if n == 0 then return nil end
  local acc = self[1]
  for i = 2, n do acc = f(i, acc, self[i]) end
  return acc
end
function List:reduce(f, ...)
  f = callable(f, ...)
  return self:reducei(function(_, a, v) return f(a, v) end)
end
function List:reduceori(init, f, ...)
  if #self == 0 then return init end
  return self:reducei(f, ...)
end
function List:reduceor(init, f, ...)
  if #self == 0 then return init end
  return self:reduce(f, ...)
end
function List:existsi(f, ...)
  f = callable(f, ...)
  for i, v in ipairs(self) do if f(i, v) then return true end end
  return false
end
function List:exists(f, ...)
  f = callable(f, ...)
  return self:existsi(function(_, v) return f(v) end)
end
function List:alli(f, ...)
  f = callable(f, ...)
  for i, v in ipairs(self) do if not f(i, v) then return false end end
  return true
end
function List:all(f, ...)
  f = callable(f, ...)
  return self:alli(function(_, v) return f(v) end)
end

return List
