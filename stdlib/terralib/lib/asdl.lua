-- asdl: classes described in the Abstract Syntax Description Language.
--   local ctx = asdl.NewContext()
--   ctx:Define [[ Exp = Num(number v) | Add(Exp l, Exp r) | Nil
--                 module M { P = (string name, number* xs, Exp? e) unique } ]]
-- Products and constructors are classes (call them to build values),
-- field-less constructors are singleton values, sum types are parent
-- classes for isclassof and shared methods.
local List = require("terralist")
local asdl = {}

local builtin = {
  number = function(v) return type(v) == "number" end,
  string = function(v) return type(v) == "string" end,
  boolean = function(v) return type(v) == "boolean" end,
  table = function(v) return type(v) == "table" end,
  ["function"] = function(v) return type(v) == "function" end,
  userdata = function(v) return type(v) == "userdata" end,
  cdata = function(v) return type(v) == "cdata" end,
  any = function(v) return true end,
}

-- Lexer over the definition text.
local function lex(src)
  local toks, i = {}, 1
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then
      i = i + 1
    elseif src:sub(i, i + 1) == "--" then
      local e = src:find("\n", i) or #src
      i = e + 1
    elseif c:match("[%a_]") then
      local s, e = src:find("^[%w_%.]+", i)
      toks[#toks + 1] = src:sub(s, e)
      i = e + 1
    else
      toks[#toks + 1] = c
      i = i + 1
    end
  end
  return toks
end

local Context = {}
Context.__index = Context

function asdl.NewContext()
  return setmetatable({ namespaces = {}, checks = {}, classes = {} }, Context)
end

function Context:Extern(name, pred)
  self.checks[name] = pred
end

local function basename(full) return full:match("([^%.]+)$") end

-- newclass makes a class table: callable, with isclassof.
local function newclass(ctx, name, parent)
  local cls = {}
  cls.__index = cls
  cls.__name = name
  cls.__tostring = function(obj)
    local parts = {}
    for _, f in ipairs(cls.__fields or {}) do
      local v = obj[f.name]
      local s
      if f.list and type(v) == "table" then
        local items = {}
        for i, x in ipairs(v) do items[i] = tostring(x) end
        s = "{" .. table.concat(items, ",") .. "}"
      else
        s = tostring(v)
      end
      parts[#parts + 1] = f.name .. " = " .. s
    end
    return basename(name) .. "(" .. table.concat(parts, ",") .. ")"
  end
  function cls:isclassof(v)
    local mt = getmetatable(v)
    while mt do
      if mt == cls then return true end
      mt = rawget(mt, "__parent")
    end
    return false
  end
  cls.__parent = parent
  setmetatable(cls, {
    __index = parent,
    __call = function(c, ...) return c:__construct(...) end,
    __tostring = function() return "Class(" .. basename(name) .. ")" end,
  })
  ctx.classes[name] = cls
  return cls
end

local function checkfield(ctx, cls, f, v)
  local function one(x)
    local pred = builtin[f.type] or ctx.checks[f.type]
    if pred then return pred(x) end
    local c = ctx:lookup(f.type, f.ns)
    if c == nil then error("unknown type " .. f.type .. " in " .. cls.__name, 4) end
    return c:isclassof(x)
  end
  if v == nil then
    if f.optional then return v end
    error(("bad type for field %s of %s: expected %s but found nil"):format(f.name, basename(cls.__name), f.type), 4)
  end
  if f.list then
    if type(v) ~= "table" then
      error(("bad type for field %s of %s: expected a list of %s"):format(f.name, basename(cls.__name), f.type), 4)
    end
    for _, x in ipairs(v) do
      if not one(x) then
        error(("bad type for element of field %s of %s: expected %s"):format(f.name, basename(cls.__name), f.type), 4)
      end
    end
    if getmetatable(v) == nil then setmetatable(v, List) end
    return v
  end
  if not one(v) then
    error(("bad type for field %s of %s: expected %s but found %s"):format(f.name, basename(cls.__name), f.type, type(v)), 4)
  end
  return v
end

local function setconstructor(ctx, cls, fields, unique)
  cls.__fields = fields
  local cache = {}
  function cls:__construct(...)
    local obj = {}
    local args = { ... }
    for i, f in ipairs(fields) do obj[f.name] = checkfield(ctx, cls, f, args[i]) end
    if unique then
      local node = cache
      for i = 1, #fields do
        local k = args[i]
        if k == nil then k = cache end
        node[k] = node[k] or {}
        node = node[k]
      end
      if node.value then return node.value end
      setmetatable(obj, cls)
      node.value = obj
    else
      setmetatable(obj, cls)
    end
    if obj.init then obj:init() end
    return obj
  end
end

function Context:lookup(name, ns)
  if ns and ns ~= "" and self.classes[ns .. "." .. name] then
    return self.classes[ns .. "." .. name]
  end
  return self.classes[name]
end

-- publish makes ctx.A.B reach class A.B.
local function publish(ctx, full, value)
  local t = ctx
  local parts = {}
  for p in full:gmatch("[^%.]+") do parts[#parts + 1] = p end
  for i = 1, #parts - 1 do
    t[parts[i]] = rawget(t, parts[i]) or {}
    t = t[parts[i]]
  end
  t[parts[#parts]] = value
end

function Context:Define(src)
  local toks, p = lex(src), 1
  local function peek() return toks[p] end
  local function nextt() p = p + 1; return toks[p - 1] end
  local function expect(t)
    local got = nextt()
    if got ~= t then error(("asdl: expected '%s' but found '%s'"):format(t, tostring(got)), 3) end
  end
  local function fieldlist(ns)
    local fields = {}
    expect("(")
    while peek() ~= ")" do
      local f = { type = nextt(), ns = ns }
      if peek() == "*" then nextt(); f.list = true
      elseif peek() == "?" then nextt(); f.optional = true end
      f.name = nextt()
      fields[#fields + 1] = f
      if peek() == "," then nextt() end
    end
    expect(")")
    return fields
  end
  local pending = {}
  local function definitions(ns)
    while p <= #toks and peek() ~= "}" do
      if peek() == "module" then
        nextt()
        local name = nextt()
        expect("{")
        definitions(ns == "" and name or ns .. "." .. name)
        expect("}")
      else
        local name = nextt()
        local full = ns == "" and name or ns .. "." .. name
        expect("=")
        if peek() == "(" then
          local cls = newclass(self, full)
          local fields = fieldlist(ns)
          local unique = false
          if peek() == "unique" then nextt(); unique = true end
          setconstructor(self, cls, fields, unique)
          publish(self, full, cls)
        else
          local parent = newclass(self, full)
          parent.__construct = function() error(basename(full) .. " is a sum type and cannot be constructed", 3) end
          publish(self, full, parent)
          local ctors = {}
          repeat
            local cname = nextt()
            local cfull = ns == "" and cname or ns .. "." .. cname
            local c = { name = cname, full = cfull }
            if peek() == "(" then c.fields = fieldlist(ns) end
            if peek() == "unique" then nextt(); c.unique = true end
            ctors[#ctors + 1] = c
          until peek() ~= "|" or not nextt()
          local attrs = {}
          if peek() == "attributes" then nextt(); attrs = fieldlist(ns) end
          for _, c in ipairs(ctors) do
            local cls = newclass(self, c.full, parent)
            cls.kind = c.name
            local fields = {}
            for _, f in ipairs(c.fields or {}) do fields[#fields + 1] = f end
            for _, f in ipairs(attrs) do fields[#fields + 1] = f end
            setconstructor(self, cls, fields, c.unique)
            if c.fields == nil and #attrs == 0 then
              local single = setmetatable({}, cls)
              cls.__tostring = function() return c.name end
              pending[#pending + 1] = { c.full, single }
            else
              publish(self, c.full, cls)
            end
          end
        end
      end
    end
  end
  definitions("")
  for _, pv in ipairs(pending) do publish(self, pv[1], pv[2]) end
end

asdl.List = List
return asdl
