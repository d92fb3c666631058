-- asdl: classes described in the Abstract Syntax Description Language
-- (require "asdl").
--   local ctx = asdl.NewContext()
--   ctx:Extern("Sym", function(v) return terralib.issymbol(v) end)
--   ctx:Define [[
--     # comments run to the end of the line
--     Exp = Num(number v) | Add(Exp l, Exp r) | Nil
--     module M { P = (string name, number* xs, Exp? e) unique }
--   ]]
-- A product (P) and each constructor of a sum (Num, Add) is a class:
-- calling it checks the fields and builds an object (unique classes
-- return the same object for the same fields). A constructor without
-- fields (Nil) is a single value. A sum type (Exp) is a parent class: it
-- recognises its constructors' objects (Exp:isclassof(x)), and anything
-- stored in it (methods, __tostring, ...) is stored in its constructors
-- too. Classes are reached as ctx.Name, ctx.M.P or ctx["M.P"].
local List = require("terralist")

-- Lexer and parser ---------------------------------------------------

local punctuation = {}
for c in ("=|?*,(){}."):gmatch(".") do punctuation[c] = true end
local reserved = { attributes = true, unique = true, module = true }

-- parse returns the list of definitions in text: { name, namespace,
-- type = { kind = "product", fields, unique } or
--        { kind = "sum", constructors = { { name, fields?, unique } } } }.
local function parse(text)
  local pos, kind, value = 1, nil, nil

  local function fail(what)
    error(("asdl: expected %s but found '%s' here:\n%s<--##    %s")
      :format(what, tostring(value), text:sub(1, pos - 1), text:sub(pos)), 0)
  end

  local function advance()
    while true do
      local _, e = text:find("^%s*", pos)
      pos = e + 1
      if text:sub(pos, pos) ~= "#" then break end
      local nl = text:find("\n", pos, true)
      pos = nl and nl + 1 or #text + 1
    end
    if pos > #text then
      kind, value = "EOF", "EOF"
      return
    end
    local c = text:sub(pos, pos)
    if punctuation[c] then
      kind, value, pos = c, c, pos + 1
      return
    end
    local word = text:match("^[%a_][%w_]*", pos)
    if not word then
      value = c
      fail("a valid token")
    end
    kind, value, pos = reserved[word] and word or "Ident", word, pos + #word
  end
  local function accept(k)
    if kind ~= k then return false end
    advance()
    return true
  end
  local function expect(k)
    if kind ~= k then fail(k == "Ident" and "a name" or "'" .. k .. "'") end
    local v = value
    advance()
    return v
  end

  local namespace = ""
  local defs = List()

  local function field()
    local f = { type = expect("Ident"), namespace = namespace }
    while accept(".") do f.type = f.type .. "." .. expect("Ident") end
    if accept("?") then
      f.optional = true
    elseif accept("*") then
      f.list = true
    end
    f.name = expect("Ident")
    return f
  end
  local function fields()
    local fs = List()
    expect("(")
    if kind ~= ")" then
      repeat fs:insert(field()) until not accept(",")
    end
    expect(")")
    return fs
  end
  local function typedef()
    if kind == "(" then
      local fs = fields()
      return { kind = "product", fields = fs, unique = accept("unique") }
    end
    local ctors = List()
    repeat
      local c = { name = namespace .. expect("Ident") }
      if kind == "(" then c.fields = fields() end
      c.unique = accept("unique")
      ctors:insert(c)
    until not accept("|")
    if accept("attributes") then
      -- attributes are trailing fields of every constructor
      local attrs = fields()
      for _, c in ipairs(ctors) do
        c.fields = c.fields or List()
        for _, a in ipairs(attrs) do c.fields:insert(a) end
      end
    end
    return { kind = "sum", constructors = ctors }
  end
  local definitions
  function definitions()
    while kind ~= "EOF" and kind ~= "}" do
      if accept("module") then
        local name = expect("Ident")
        expect("{")
        local outer = namespace
        namespace = namespace .. name .. "."
        definitions()
        expect("}")
        namespace = outer
      else
        local d = { name = namespace .. expect("Ident"), namespace = namespace }
        expect("=")
        d.type = typedef()
        defs:insert(d)
      end
    end
  end

  advance()
  definitions()
  expect("EOF")
  return defs
end

-- Field checks ---------------------------------------------------------

local builtins = {}
for t in ("nil number string boolean table thread userdata cdata function"):gmatch("%S+") do
  builtins[t] = function(v) return type(v) == t end
end
builtins.any = function() return true end

-- A list field takes a List (a plain table is made a List, our
-- leniency); check returns false and the index of a bad element.
local function listcheck(elem)
  return function(vs)
    if type(vs) ~= "table" or (getmetatable(vs) ~= nil and not List:isclassof(vs)) then
      return false
    end
    for i, e in ipairs(vs) do
      if not elem(e) then return false, i end
    end
    if getmetatable(vs) == nil then setmetatable(vs, List) end
    return true
  end
end

-- In a unique class a list field is interned: equal element sequences
-- give the same List, so the objects holding them are equal too.
local atend = {}
local function uniquelistcheck(elem, trie)
  local check = listcheck(elem)
  return function(vs)
    local ok, bad = check(vs)
    if not ok then return false, bad end
    local node = trie
    for _, e in ipairs(vs) do
      node[e] = node[e] or {}
      node = node[e]
    end
    node[atend] = node[atend] or vs
    return true, node[atend]
  end
end

local function optionalcheck(elem)
  return function(v) return v == nil or elem(v) end
end

-- Contexts ---------------------------------------------------------------

local Context = {}
function Context:__index(k)
  local d = rawget(self, "definitions")[k]
  if d == nil then d = rawget(self, "namespaces")[k] end
  if d ~= nil then return d end
  return Context[k]
end

local function NewContext()
  return setmetatable({
    checks = setmetatable({}, { __index = builtins }),
    definitions = {}, -- full name -> class or single value
    namespaces = {},  -- nested tables: namespaces.M.P
    listtrie = {},
  }, Context)
end

-- Extern(name, pred) lets fields have type name, checked by pred(v).
function Context:Extern(name, pred)
  self.checks[name] = pred
end

local function basename(name) return (name:match("([^.]*)$")) end

function Context:publish(name, value)
  local t = self.namespaces
  for part in name:gmatch("([^.]*)%.") do
    t[part] = t[part] or {}
    t = t[part]
  end
  t[basename(name)] = value
  self.definitions[name] = value
end

-- declare creates the (still empty) class for name, so that fields of
-- classes defined together may refer to each other in any order.
function Context:declare(name)
  if self.definitions[name] ~= nil then
    error(("asdl: class %s is already defined"):format(name), 3)
  end
  local class = { members = {} } -- members: classes counted as this one
  class.members[class] = true
  self:publish(name, class)
  self.checks[name] = function(v)
    local mt = getmetatable(v)
    return mt ~= nil and class.members[mt] == true
  end
  return class
end

function Context:fieldcheck(f, unique)
  local check = self.checks[f.type]
  if check == nil then error(("asdl: type not defined: %s"):format(f.type), 4) end
  if f.list then
    return unique and uniquelistcheck(check, self.listtrie) or listcheck(check)
  elseif f.optional then
    return optionalcheck(check)
  end
  return check
end

local function badfield(i, name, f, v, index)
  local tn = f.list and f.type .. "*" or f.type
  local msg
  if index then
    msg = ("bad argument #%d to '%s' expected '%s' but found '%s' at list index %d")
      :format(i, name, tn, type(v[index]), index)
    v = v[index]
  else
    msg = ("bad argument #%d to '%s' expected '%s' but found '%s'"):format(i, name, tn, type(v))
  end
  local mt = getmetatable(v)
  if mt ~= nil then msg = msg .. (" (metatable = %s)"):format(tostring(mt)) end
  error(msg, 4) -- blame the caller of the constructor (via build, __call)
end

local nilkey = {}

-- define fills in class name: with fields (a product or constructor) it
-- becomes callable; without, it only names a sum or a single value.
function Context:define(name, fields, unique)
  local class = self.definitions[name]
  local meta = {}
  if fields then
    for _, f in ipairs(fields) do
      -- a type names a class of the field's own module first (attribute
      -- fields are shared by constructors: resolve them once)
      if f.namespace ~= nil then
        if self.definitions[f.namespace .. f.type] ~= nil then
          f.type = f.namespace .. f.type
        end
        f.namespace = nil
      end
    end
    class.__fields = fields
    local checks = List()
    for i, f in ipairs(fields) do checks[i] = self:fieldcheck(f, unique) end
    local n = #fields
    local function build(...)
      local obj = {}
      for i = 1, n do
        local v = select(i, ...)
        local ok, extra = checks[i](v)
        if not ok then badfield(i, name, fields[i], v, extra) end
        if extra ~= nil then v = extra end -- an interned list
        obj[fields[i].name] = v
      end
      return obj
    end
    if unique then
      local cache = {}
      function meta:__call(...)
        local obj = build(...)
        local node = cache
        for i = 1, n do
          local k = obj[fields[i].name]
          if k == nil then k = nilkey end
          node[k] = node[k] or {}
          node = node[k]
        end
        if node[nilkey] == nil then
          setmetatable(obj, self)
          if obj.init then obj:init() end
          node[nilkey] = obj
        end
        return node[nilkey]
      end
    else
      function meta:__call(...)
        local obj = setmetatable(build(...), self)
        if obj.init then obj:init() end
        return obj
      end
    end
    function class:__tostring()
      local parts = List()
      for _, f in ipairs(fields) do
        local v = self[f.name]
        if not (f.optional and v == nil) then
          local s
          if f.list then
            s = "{" .. List(v):map(tostring):concat(",") .. "}"
          else
            s = tostring(v)
          end
          parts:insert(f.name .. " = " .. s)
        end
      end
      return name .. "(" .. parts:concat(",") .. ")"
    end
  else
    function class:__tostring() return name end
  end
  function meta:__tostring() return "Class(" .. name .. ")" end
  -- Storing into a class stores into every class it stands for, so a
  -- sum type's methods reach its constructors.
  function meta:__newindex(k, v)
    for c in pairs(rawget(self, "members")) do rawset(c, k, v) end
  end
  local check = self.checks[name]
  function class:isclassof(v) return check(v) end
  class.__index = class
  return setmetatable(class, meta)
end

-- Define(text) defines the classes in text (see the top of this file).
function Context:Define(text)
  local defs = parse(text)
  for _, d in ipairs(defs) do
    self:declare(d.name)
    if d.type.kind == "sum" then
      for _, c in ipairs(d.type.constructors) do self:declare(c.name) end
    end
  end
  for _, d in ipairs(defs) do
    if d.type.kind == "product" then
      self:define(d.name, d.type.fields, d.type.unique)
    else
      local parent = self:define(d.name, nil, false)
      for _, c in ipairs(d.type.constructors) do
        local child = self:define(c.name, c.fields, c.unique)
        rawget(parent, "members")[child] = true
        child.kind = basename(c.name)
        if not c.fields then
          self:publish(c.name, setmetatable({}, child))
        end
      end
    end
  end
end

return { NewContext = NewContext, List = List }
