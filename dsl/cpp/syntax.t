-- terra++ syntax (module cpp.syntax): the statements `class`, `interface`
-- and `template(...)`, available after `import "cpp"`. Each parses into
-- calls of the Lua API in cpp.class, made when the statement runs.
--
--   class Name [: Base] [implements I1, I2]
--     x, y : double                          -- fields (also: var x : double)
--     n : int = 0                            -- a field with a default value
--     new(x : double) self.x = x end         -- constructors (also Name(...))
--     destructor() ... end                   -- destructor (the __dtor method)
--     f(a : int) : int ... end               -- method (returns {} without ": T")
--     virtual g() : double ... end           -- virtual method
--     virtual h() : double = 0               -- abstract (also: abstract h() : double)
--     override g() : double ... end          -- override of a base's virtual method
--     static make() : &Name ... end          -- static method: Name.make()
--     operator + (o : Name) : Name ... end   -- operators: + - * / % == ~= < <= > >= [] () unm cast
--   end
--   interface Name  m(a : int) : double  ...  end
--   template(T, N) class Vec ... end         -- Vec(int, 3) is a class
--   template(T : "__lt") terra max(a : T, b : T) : T ... end
--
-- Method bodies are Terra statements that see `self`, the parameters,
-- `super` (the base class's methods: super.init(self, ...),
-- super.g(self)) and the Lua scope of the statement.
local K = require "cpp.class"
K.libfile(debug.getinfo(1, "S").source)

local S = {}

local function where(lex, tok)
  return lex.source .. ":" .. tok.linenumber .. ":" .. tok.column
end

local function params(lex)
  local open = lex:expect("(")
  local ps = {}
  if not lex:matches(")") then
    repeat
      local tok = lex:expect(lex.name)
      lex:expect(":")
      ps[#ps + 1] = { name = tok.value, type = lex:luaexpr() }
    until not lex:nextif(",")
  end
  lex:expectmatch(")", "(", open.linenumber)
  return ps
end

-- A function after its name: (params) [: result] body end, or for an
-- abstract method `= 0` / nothing.
local function func(lex, m, start, abstract)
  m.params = params(lex)
  if lex:nextif(":") then m.result = lex:luaexpr() end
  if abstract then return m end
  if lex:matches("=") then
    if m.kind ~= "virtual" then lex:error("only a virtual method can be abstract ('= 0')") end
    lex:next()
    local z = lex:expect(lex.number)
    if z.value ~= 0 then lex:error("'= 0' expected (an abstract method)") end
    m.abstract = true
    return m
  end
  m.body = lex:terrastats()
  lex:expectmatch("end", start.value or start.type, start.linenumber)
  return m
end

local opsyms = {
  ["+"] = true, ["-"] = true, ["*"] = true, ["/"] = true, ["%"] = true, ["=="] = true, ["~="] = true,
  ["<"] = true, ["<="] = true, [">"] = true, [">="] = true, ["<<"] = true, [">>"] = true,
  ["and"] = true, ["or"] = true, ["not"] = true,
}

local function member(lex, cls)
  lex:nextif("var") -- fields may be written `var x : T`
  local tok = lex:cur()
  if tok.type ~= lex.name then lex:errorexpected("a field, method or 'end'") end
  local word = tok.value
  local at = where(lex, tok)
  if (word == "destructor" or word == "__dtor") and lex:lookaheadmatches("(") then
    lex:next()
    local m = func(lex, { kind = "destructor", at = at }, tok)
    if #m.params > 0 then K.raise("a destructor takes no parameters", at) end
    return m
  end
  if word == "virtual" or word == "override" or word == "static" or word == "abstract" then
    lex:next()
    local n = lex:expect(lex.name)
    local m = { kind = word, name = n.value, at = where(lex, n) }
    func(lex, m, tok, word == "abstract")
    if word == "abstract" then m.kind, m.abstract = "virtual", true end
    return m
  end
  if word == "operator" then
    lex:next()
    local op
    local t = lex:cur()
    if lex:nextif("[") then
      lex:expect("]"); op = "[]"
    elseif lex:lookaheadmatches(")") and lex:matches("(") then
      lex:next(); lex:next(); op = "()"
    elseif opsyms[t.type] then
      lex:next(); op = t.type
    elseif t.type == lex.name and (t.value == "unm" or t.value == "cast") then
      lex:next(); op = t.value
    else
      lex:errorexpected("an operator")
    end
    return func(lex, { kind = "operator", op = op, at = at }, tok)
  end
  if lex:lookaheadmatches("(") then
    lex:next()
    if word == "new" or word == cls.name then
      return func(lex, { kind = "constructor", at = at }, tok)
    end
    return func(lex, { kind = "method", name = word, at = at }, tok)
  end
  -- fields: a, b : T
  local names = { { name = word, at = at } }
  lex:next()
  while lex:nextif(",") do
    local n = lex:expect(lex.name)
    names[#names + 1] = { name = n.value, at = where(lex, n) }
  end
  lex:expect(":")
  local f = { kind = "field", names = names, type = lex:luaexpr() }
  if lex:nextif("=") then f.init = lex:terraexpr() end
  return f
end

local function parseclass(lex)
  local start = lex:expect("class")
  local ntok = lex:expect(lex.name)
  local cls = { name = ntok.value, at = where(lex, ntok), members = {}, implements = {} }
  if lex:nextif(":") then cls.base = lex:luaexpr() end
  if lex:cur().type == lex.name and lex:cur().value == "implements" then
    lex:next()
    repeat cls.implements[#cls.implements + 1] = lex:luaexpr() until not lex:nextif(",")
  end
  while not lex:matches("end") do
    if not lex:nextif(";") then
      cls.members[#cls.members + 1] = member(lex, cls)
    end
  end
  lex:expectmatch("end", "class", start.linenumber)
  return cls
end

local function parseinterface(lex)
  local start = lex:expect("interface")
  local ntok = lex:expect(lex.name)
  local it = { name = ntok.value, at = where(lex, ntok), methods = {} }
  while not lex:matches("end") do
    if not lex:nextif(";") then
      local n = lex:expect(lex.name)
      local m = { name = n.value, at = where(lex, n) }
      m.params = params(lex)
      if lex:nextif(":") then m.result = lex:luaexpr() end
      it.methods[#it.methods + 1] = m
    end
  end
  lex:expectmatch("end", "interface", start.linenumber)
  return it
end

-- Building ----------------------------------------------------------------

local unit = terralib.types.unit

-- The Terra function of a parsed method; self is nil for a static one.
local function makefunction(m, env, T, withself, name)
  local syms = terralib.newlist()
  local selfsym
  if withself then
    selfsym = symbol(&T, "self")
    syms:insert(selfsym)
  end
  local ps = terralib.newlist()
  for _, p in ipairs(m.params) do
    local ty = p.type(env)
    if not terralib.types.istype(ty) then
      K.raise("parameter " .. p.name .. ": " .. tostring(ty) .. " is not a type", m.at)
    end
    ps:insert(symbol(ty, p.name))
  end
  syms:insertall(ps)
  for i, p in ipairs(m.params) do env[p.name] = ps[i] end
  if selfsym then env.self = selfsym end
  local R = unit
  if m.result then
    R = m.result(env)
    if not terralib.types.istype(R) then
      if type(R) == "table" and #R == 0 then R = unit
      else K.raise("result of " .. name .. ": " .. tostring(R) .. " is not a type", m.at) end
    end
  end
  local body = m.body(env)
  local fn = terra([syms]) : R
    [body]
  end
  fn:setname(name)
  return fn, ps, R
end

local function evaltypes(m, env)
  local ts = terralib.newlist()
  for _, p in ipairs(m.params) do ts:insert(p.type(env)) end
  local R = m.result and m.result(env) or unit
  return ts, R
end

-- buildclass makes the class cls under the name name; bind(env) adds
-- template arguments to a fresh environment.
local function buildclass(cls, envfn, bind, name)
  local function newenv()
    local env = envfn()
    bind(env)
    return env
  end
  local env0 = newenv()
  local base = cls.base and cls.base(env0)
  if cls.base and base == nil then K.raise("the base class of " .. cls.name .. " is nil", cls.at) end
  local impl = {}
  for i, e in ipairs(cls.implements) do impl[i] = e(env0) end
  local T = K.class(name, { base = base, implements = impl, at = cls.at })
  local super
  if base then
    local bi = K.classof(base)
    super = { init = base.methods.init }
    for k, v in pairs(bi.direct) do super[k] = v end
    setmetatable(super, { __index = base.methods })
  end
  local function menv()
    local env = newenv()
    env[cls.name] = T
    env.super = super
    return env
  end
  for _, m in ipairs(cls.members) do
    if m.kind == "field" then
      local ty = m.type(menv())
      if not terralib.types.istype(ty) then
        K.raise("field " .. m.names[1].name .. ": " .. tostring(ty) .. " is not a type", m.names[1].at)
      end
      local init = m.init and m.init(menv())
      for _, n in ipairs(m.names) do K.field(T, n.name, ty, n.at, init) end
    end
  end
  for _, m in ipairs(cls.members) do
    local k = m.kind
    if k == "constructor" then
      if m.result then K.raise("a constructor has no result type", m.at) end
      K.constructor(T, makefunction(m, menv(), T, true, name .. ".init"), m.at)
    elseif k == "destructor" then
      K.destructor(T, makefunction(m, menv(), T, true, name .. ".~" .. cls.name), m.at)
    elseif k == "method" then
      K.method(T, m.name, makefunction(m, menv(), T, true, name .. "." .. m.name), m.at)
    elseif k == "static" then
      K.static(T, m.name, makefunction(m, menv(), T, false, name .. "." .. m.name), m.at)
    elseif k == "virtual" then
      if m.abstract then
        local ps, R = evaltypes(m, menv())
        K.abstract(T, m.name, ps, R, m.at)
      else
        K.virtual(T, m.name, makefunction(m, menv(), T, true, name .. "." .. m.name), m.at)
      end
    elseif k == "override" then
      K.override(T, m.name, makefunction(m, menv(), T, true, name .. "." .. m.name), m.at)
    elseif k == "operator" then
      K.operator(T, m.op, makefunction(m, menv(), T, true, name .. ".operator" .. m.op), m.at)
    end
  end
  K.finish(T, cls.at)
  return T
end

local function buildinterface(it, envfn, bind, name)
  local env = envfn()
  bind(env)
  local ms = {}
  for i, m in ipairs(it.methods) do
    local ps, R = evaltypes(m, env)
    ms[i] = { name = m.name, params = ps, result = R, at = m.at }
  end
  return K.interface(name, ms, it.at)
end

local function nobind() end

local function parsetemplate(lex)
  local start = lex:expect("template")
  local open = lex:expect("(")
  local tps = {}
  repeat
    local n = lex:expect(lex.name)
    local p = { name = n.value }
    if lex:nextif(":") then p.constraint = lex:luaexpr() end
    tps[#tps + 1] = p
  until not lex:nextif(",")
  lex:expectmatch(")", "(", open.linenumber)
  local what, item
  if lex:matches("class") then
    what, item = "class", parseclass(lex)
  elseif lex:matches("interface") then
    what, item = "interface", parseinterface(lex)
  elseif lex:matches("terra") then
    local t = lex:expect("terra")
    local n = lex:expect(lex.name)
    what, item = "terra", func(lex, { kind = "function", name = n.value, at = where(lex, n) }, t)
  else
    lex:errorexpected("'class', 'interface' or 'terra' after template(...)")
  end
  local function ctor(envfn)
    local env = envfn()
    local params = {}
    for i, p in ipairs(tps) do
      local c = p.constraint and p.constraint(env)
      params[i] = { name = p.name, constraint = c }
    end
    local inst = K.template(params, function(tname, ...)
      local args = { ... }
      local function bind(e)
        for i, p in ipairs(tps) do e[p.name] = args[i] end
      end
      if what == "class" then
        return buildclass(item, envfn, bind, tname)
      elseif what == "interface" then
        return buildinterface(item, envfn, bind, tname)
      end
      local e = envfn()
      bind(e)
      return (makefunction(item, e, nil, false, tname))
    end, item.name)
    if what ~= "terra" then return inst end
    -- A template function is also a macro: f(T...) in Terra code is the
    -- instance, f(args) deduces the template arguments from the types
    -- of the arguments given for parameters declared with a bare
    -- template parameter as type.
    local deduce = {}
    local marks = {}
    local menv = envfn()
    for i, p in ipairs(tps) do
      marks[i] = terralib.types.newstruct(p.name)
      menv[p.name] = marks[i]
    end
    for j, fp in ipairs(item.params) do
      local ok, ty = pcall(fp.type, menv)
      for i = 1, #tps do
        if ok and ty == marks[i] and deduce[i] == nil then deduce[i] = j end
      end
    end
    local function istype(q)
      local ok, t = pcall(function() return q:astype() end)
      return ok and terralib.types.istype(t) and t
    end
    return terralib.createmacro(function(...)
      local args = terralib.newlist { ... }
      if #args == #tps and #args > 0 and istype(args[1]) then
        return inst(unpack(args:map(istype)))
      end
      local targs = {}
      for i, p in ipairs(tps) do
        local j = deduce[i]
        if j == nil or args[j] == nil then
          error("cannot deduce template argument " .. p.name .. " of " .. item.name .. "; give it: " .. item.name .. "(T...)(args)", 0)
        end
        targs[i] = args[j]:gettype()
      end
      local fn = inst(unpack(targs, 1, #tps))
      return `fn([args])
    end, inst)
  end
  return ctor, { item.name }
end

local function statement(lex)
  if lex:matches("class") then
    local cls = parseclass(lex)
    return function(envfn) return buildclass(cls, envfn, nobind, cls.name) end, { cls.name }
  elseif lex:matches("interface") then
    local it = parseinterface(lex)
    return function(envfn) return buildinterface(it, envfn, nobind, it.name) end, { it.name }
  end
  return parsetemplate(lex)
end

S.entrypoints = { "class", "interface", "template" }
S.keywords = {}
S.statement = function(self, lex) return statement(lex) end
S.localstatement = function(self, lex) return statement(lex) end

return S
