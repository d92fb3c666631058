-- terralist: Lua lists with functional helpers (terralib.newlist,
-- require "terralist"). A List is a plain table whose metatable is List;
-- it has every function of Lua's table library as a method, plus the
-- higher-order helpers below, each in two forms: f(elem, ...) and an
-- indexed form (mapi, filteri, ...) whose function gets (index, elem, ...).
--
-- The function argument of a helper may instead be
--   * an operator string: "+", "-" (binary, or unary when given one
--     value), "*", "/", "%", "^", "..", "<", ">", "<=", ">=", "and", "or",
--     "not", and "~=" (which, as in Terra, tests equality);
--   * any other value k: elem[k] is selected, and called as a method
--     when it is a function.
-- Extra arguments of a helper are passed on after the element's.
local List = {}
List.__index = List
-- compiler/specialize recognises lists by this flag.
List.__islist = true

for name, fn in pairs(table) do
  List[name] = fn
end

setmetatable(List, {
  __call = function(self, t) return setmetatable(t or {}, self) end,
})

function List:new(t) return setmetatable(t or {}, List) end
function List:isclassof(x) return getmetatable(x) == self end

local operators = {
  ["+"] = function(a, b) return a + b end,
  ["-"] = function(a, b)
    if b == nil then return -a end
    return a - b
  end,
  ["*"] = function(a, b) return a * b end,
  ["/"] = function(a, b) return a / b end,
  ["%"] = function(a, b) return a % b end,
  ["^"] = function(a, b) return a ^ b end,
  [".."] = function(a, b) return a .. b end,
  ["<"] = function(a, b) return a < b end,
  [">"] = function(a, b) return a > b end,
  ["<="] = function(a, b) return a <= b end,
  [">="] = function(a, b) return a >= b end,
  -- Terra's table defines "~=" twice and keeps the equality test.
  ["~="] = function(a, b) return a == b end,
  ["and"] = function(a, b) return a and b end,
  ["or"] = function(a, b) return a or b end,
  ["not"] = function(a) return not a end,
}

-- fn turns a helper's function argument into a function of the element
-- (and of whatever follows it).
local function fn(f)
  if type(f) == "function" then return f end
  local op = operators[f]
  if op then return op end
  return function(x, ...)
    local v = x[f]
    if type(v) == "function" then return v(x, ...) end
    return v
  end
end

-- fni is fn for the indexed forms: a selector is applied to the element
-- in second position, and a method also gets (index, element, ...).
local function fni(f)
  if type(f) == "function" then return f end
  local op = operators[f]
  if op then return op end
  return function(i, x, ...)
    local v = x[f]
    if type(v) == "function" then return v(i, x, ...) end
    return v
  end
end

function List:insertall(other)
  for _, v in ipairs(other) do self:insert(v) end
end

function List:rev()
  local r, n = List(), #self
  for i = 1, n do r[i] = self[n - i + 1] end
  return r
end

-- sub is string.sub for lists: negative positions count from the end.
function List:sub(i, j)
  local n = #self
  j = j or n
  if i < 0 then i = n + i + 1 end
  if j < 0 then j = n + j + 1 end
  local r = List()
  for k = i, j do r:insert(self[k]) end
  return r
end

function List:__tostring()
  return "{" .. self:map(tostring):concat(",") .. "}"
end

-- __concat is our addition: a .. b is a new list of both lists' elements.
function List.__concat(a, b)
  local r = List()
  r:insertall(a)
  r:insertall(b)
  return r
end

function List:isempty() return #self == 0 end

function List:map(f, ...)
  f = fn(f)
  local r = List()
  for i, v in ipairs(self) do r[i] = f(v, ...) end
  return r
end
function List:mapi(f, ...)
  f = fni(f)
  local r = List()
  for i, v in ipairs(self) do r[i] = f(i, v, ...) end
  return r
end

function List:app(f, ...)
  f = fn(f)
  for _, v in ipairs(self) do f(v, ...) end
end
function List:appi(f, ...)
  f = fni(f)
  for i, v in ipairs(self) do f(i, v, ...) end
end

function List:filter(f, ...)
  f = fn(f)
  local r = List()
  for _, v in ipairs(self) do
    if f(v, ...) then r:insert(v) end
  end
  return r
end
function List:filteri(f, ...)
  f = fni(f)
  local r = List()
  for i, v in ipairs(self) do
    if f(i, v, ...) then r:insert(v) end
  end
  return r
end

function List:flatmap(f, ...)
  f = fn(f)
  local r = List()
  for _, v in ipairs(self) do
    for _, w in ipairs(f(v, ...)) do r:insert(w) end
  end
  return r
end
function List:flatmapi(f, ...)
  f = fni(f)
  local r = List()
  for i, v in ipairs(self) do
    for _, w in ipairs(f(i, v, ...)) do r:insert(w) end
  end
  return r
end

-- find returns the first element satisfying f, or nil.
function List:find(f, ...)
  f = fn(f)
  for _, v in ipairs(self) do
    if f(v, ...) then return v end
  end
  return nil
end
function List:findi(f, ...)
  f = fni(f)
  for i, v in ipairs(self) do
    if f(i, v, ...) then return v end
  end
  return nil
end

-- partition calls k, v = f(elem) and returns a table from each key k to
-- the List of the values v given with it (a nil v adds nothing).
function List:partition(f, ...)
  f = fn(f)
  local groups = {}
  for _, x in ipairs(self) do
    local k, v = f(x, ...)
    local g = groups[k]
    if g == nil then
      g = List()
      groups[k] = g
    end
    g:insert(v)
  end
  return groups
end
function List:partitioni(f, ...)
  f = fni(f)
  local groups = {}
  for i, x in ipairs(self) do
    local k, v = f(i, x, ...)
    local g = groups[k]
    if g == nil then
      g = List()
      groups[k] = g
    end
    g:insert(v)
  end
  return groups
end

function List:fold(init, f, ...)
  f = fn(f)
  local acc = init
  for _, v in ipairs(self) do acc = f(acc, v, ...) end
  return acc
end
function List:foldi(init, f, ...)
  f = fni(f)
  local acc = init
  for i, v in ipairs(self) do acc = f(i, acc, v, ...) end
  return acc
end

-- reduce folds from the first element; the list must not be empty.
-- reduceor returns init for an empty list instead.
local function reduce(self, f, indexed, ...)
  local acc = self[1]
  for i = 2, #self do
    if indexed then
      acc = f(i, acc, self[i], ...)
    else
      acc = f(acc, self[i], ...)
    end
  end
  return acc
end
function List:reduce(f, ...)
  assert(#self > 0, "reduce requires non-empty list")
  return reduce(self, fn(f), false, ...)
end
function List:reducei(f, ...)
  assert(#self > 0, "reduce requires non-empty list")
  return reduce(self, fni(f), true, ...)
end
function List:reduceor(init, f, ...)
  if #self == 0 then return init end
  return reduce(self, fn(f), false, ...)
end
function List:reduceori(init, f, ...)
  if #self == 0 then return init end
  return reduce(self, fni(f), true, ...)
end

function List:exists(f, ...)
  f = fn(f)
  for _, v in ipairs(self) do
    if f(v, ...) then return true end
  end
  return false
end
function List:existsi(f, ...)
  f = fni(f)
  for i, v in ipairs(self) do
    if f(i, v, ...) then return true end
  end
  return false
end

function List:all(f, ...)
  f = fn(f)
  for _, v in ipairs(self) do
    if not f(v, ...) then return false end
  end
  return true
end
function List:alli(f, ...)
  f = fni(f)
  for i, v in ipairs(self) do
    if not f(i, v, ...) then return false end
  end
  return true
end

return List
