-- terra++ classes: the Lua API the `class` syntax expands to (module
-- cpp.class). Everything here is Lua-stage metaprogramming over exotypes:
-- a class is a Terra struct whose layout, methods, metamethods and
-- vtable this file computes.
--
-- Layout: a polymorphic class starts with `__vptr` (a pointer to its
-- class's vtable, a constant struct of function pointers); the fields of
-- the base class come first, in the base's order, so a &Derived is a
-- valid &Base (single inheritance, base as layout prefix).
local C = terralib.includecstring [[
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
]]

local M = {}

-- Errors -------------------------------------------------------------------

-- Chunk names of the library's own files: errors are reported at the
-- first frame outside them.
local libfiles = {}
function M.libfile(src) libfiles[src] = true end
M.libfile(debug.getinfo(1, "S").source)

local transparent = { [require] = true, [pcall] = true, [xpcall] = true, [dofile] = true }

-- raise reports msg at the user's code. at ("file:line:col") is the
-- position the syntax recorded; without it the first stack frame outside
-- the library is used (Lua code that called the API). When the call came
-- from the compiler (a macro, a metamethod, a type expression in Terra
-- code) no frame is named: the compiler reports the error at the Terra
-- site being checked.
local function raise(msg, at)
  if at then error(at .. ": " .. msg, 0) end
  local k = 2
  while true do
    local info = debug.getinfo(k, "Sf")
    if info == nil or info.what == "C" or info.what == "G" then break end
    if not libfiles[info.source] then
      -- A user frame: is it itself running under the compiler?
      local j = k + 1
      while true do
        local below = debug.getinfo(j, "Sf")
        if below == nil then error(msg, k) end
        if (below.what == "C" or below.what == "G") and not transparent[below.func] then
          if debug.getinfo(j + 1, "S") ~= nil then error(msg, 0) end
          error(msg, k)
        end
        j = j + 1
      end
    end
    k = k + 1
  end
  error(msg, 0)
end
M.raise = raise

local function typename(T)
  return tostring(T)
end

-- Class information -----------------------------------------------------

local classes = {} -- struct type -> info
local interfaces = {} -- interface struct type -> info
M.classes, M.interfaces = classes, interfaces

local function classof(T)
  if terralib.types.istype(T) then return classes[T] end
  return nil
end
M.classof = classof

local function isclass(T) return classof(T) ~= nil end
M.isclass = isclass

-- info(T) is T's class info or an error naming what T is.
local function info(T, at, what)
  local ci = classof(T)
  if ci == nil then raise((what or "cpp") .. ": " .. tostring(T) .. " is not a class", at) end
  return ci
end

local function issubclass(D, B)
  local ci = classof(D)
  while ci do
    if ci.T == B then return true end
    ci = ci.base
  end
  return false
end
M.issubclass = issubclass

-- Signatures ------------------------------------------------------------

local function sigstring(params, result)
  local ps = {}
  for i, p in ipairs(params) do ps[i] = tostring(p) end
  local r = result
  if terralib.types.istype(r) and r:isunit() then r = "{}" end
  return "(" .. table.concat(ps, ", ") .. ") : " .. tostring(r)
end

local function unitify(r)
  if r == nil then return terralib.types.unit end
  if terralib.types.istype(r) then return r end
  if type(r) == "table" and #r == 0 then return terralib.types.unit end
  return r
end

-- sig returns the parameter types (after self when method) and the result
-- type of a Terra function, from its declared type when it has one.
local function sig(fn, method)
  local ft = fn.type or fn:gettype()
  local params = {}
  for i, p in ipairs(ft.parameters) do
    if not method or i > 1 then params[#params + 1] = p end
  end
  return params, unitify(ft.returntype)
end

local function samesig(p1, r1, p2, r2)
  if #p1 ~= #p2 or r1 ~= r2 then return false end
  for i = 1, #p1 do if p1[i] ~= p2[i] then return false end end
  return true
end

-- Argument matching, so that a constructor or virtual call with wrong
-- arguments is reported at the caller rather than inside a quote of the
-- library.
local function convertible(from, to)
  if from == to then return 2 end
  if from:isarithmetic() and to:isarithmetic() then return 1 end
  if from == niltype and to:ispointer() then return 1 end
  if from:ispointer() and to:ispointer() then
    if to.type == terralib.types.opaque then return 1 end
    if issubclass(from.type, to.type) then return 1 end
    if from.type:isarray() and from.type.type == to.type then return 1 end
  end
  if from:ispointer() and from.type:isarray() and to:ispointer() and from.type.type == to.type then return 1 end
  if to:isstruct() and interfaces[to] and from:ispointer() and M.implements(from.type, to) then return 1 end
  if from:isarray() and to:ispointer() and from.type == to.type then return 1 end
  return nil
end

-- pick chooses among candidates ({params=..., fn=...}) the one args fit
-- best; nil when none does.
local function pick(cands, args)
  local best, bestscore, tie = nil, -1, false
  for _, c in ipairs(cands) do
    if #c.params == #args then
      local score = 0
      for i, a in ipairs(args) do
        local s = convertible(a:gettype(), c.params[i])
        if s == nil then score = nil break end
        score = score + s
      end
      if score and score > bestscore then
        best, bestscore, tie = c, score, false
      elseif score and score == bestscore then
        tie = true
      end
    end
  end
  if tie then return nil, "ambiguous" end
  return best
end

local function argtypes(args)
  local ts = {}
  for i, a in ipairs(args) do ts[i] = tostring(a:gettype()) end
  return "(" .. table.concat(ts, ", ") .. ")"
end

-- Defining a class ------------------------------------------------------

-- cpp.class(name [, opts]) starts a class and returns its struct type.
-- opts: base = a class, implements = a list of interfaces, at = the
-- position errors about the class name.
function M.class(name, opts)
  opts = opts or {}
  if type(name) ~= "string" then raise("cpp.class: the name must be a string", opts.at) end
  local T = terralib.types.newstruct(name)
  local ci = {
    T = T, name = name, at = opts.at,
    fields = terralib.newlist(), -- own fields
    vslots = terralib.newlist(), -- virtual method names, inherited first
    virtuals = {}, -- name -> {params, result, impl, abstract, owner, at}
    direct = {}, -- name -> the Terra function implementing name in this class
    ctors = terralib.newlist(),
    ifaces = terralib.newlist(),
    ops = {},
    methods = {}, -- own method names -> kind
  }
  local base = opts.base
  if base ~= nil then
    local bi = classof(base)
    if bi == nil then raise("base of class " .. name .. " is " .. tostring(base) .. ", not a class", opts.at) end
    if not bi.finished then M.finish(base) end
    ci.base = bi
    ci.polymorphic = bi.polymorphic
    for _, n in ipairs(bi.vslots) do
      ci.vslots:insert(n)
      local v = bi.virtuals[n]
      ci.virtuals[n] = { params = v.params, result = v.result, impl = v.impl, abstract = v.abstract, owner = v.owner, declared = v.declared, at = v.at }
    end
    for k, v in pairs(bi.direct) do ci.direct[k] = v end
    for k, v in pairs(base.methods) do
      if k ~= "init" and k ~= "__dtor" and k ~= "new" then T.methods[k] = v end
    end
    for _, I in ipairs(bi.ifaces) do ci.ifaces:insert(I) end
    ci.userdtor = bi.userdtor
  end
  for _, I in ipairs(opts.implements or {}) do
    if not interfaces[I] then raise("class " .. name .. " implements " .. tostring(I) .. ", which is not an interface", opts.at) end
    ci.ifaces:insert(I)
  end
  classes[T] = ci

  T.metamethods.__getentries = function(self)
    local es = terralib.newlist()
    local chain = terralib.newlist()
    local c = ci
    while c do chain:insert(1, c) c = c.base end
    if ci.polymorphic then es:insert { field = "__vptr", type = &opaque } end
    for _, c in ipairs(chain) do es:insertall(c.fields) end
    return es
  end

  -- Upcasts: &Derived converts to &Base implicitly.
  T.metamethods.__cast = function(from, to, exp)
    if from:ispointer() and to:ispointer() and isclass(from.type) and isclass(to.type)
        and from.type ~= to.type and issubclass(from.type, to.type) then
      return `[to](exp)
    end
    error(tostring(from) .. " does not convert to " .. tostring(to))
  end

  T.metamethods.__construct = macro(function(...) return M.construct(T, terralib.newlist { ... }) end)
  T.methods.new = macro(function(...) return M.allocate(T, terralib.newlist { ... }) end)
  return T
end

-- checkopen reports a definition made after the class was finished.
local function checkopen(ci, what, at)
  if ci.finished then raise("class " .. ci.name .. " is already complete; cannot add " .. what, at) end
end

-- cpp.field(T, name, type)
-- cpp.field(T, name, type [, at [, init]]): init, a Terra expression
-- (a quote or a constant), is stored in the field of every new object
-- before its constructor runs.
function M.field(T, name, ty, at, init)
  local ci = info(T, at, "cpp.field")
  checkopen(ci, "field " .. tostring(name), at)
  if not terralib.types.istype(ty) then raise("field " .. name .. " of " .. ci.name .. ": " .. tostring(ty) .. " is not a type", at) end
  local c = ci
  while c do
    for _, f in ipairs(c.fields) do
      if f.field == name then raise("class " .. ci.name .. " already has a field " .. name, at) end
    end
    c = c.base
  end
  ci.fields:insert { field = name, type = ty, init = init }
end

-- The default values of the fields of the class and its bases (root
-- first), stored through the pointer ptr.
local function fieldinits(ci, ptr)
  local chain = terralib.newlist()
  local c = ci
  while c do chain:insert(1, c) c = c.base end
  local stmts = terralib.newlist()
  for _, c in ipairs(chain) do
    for _, f in ipairs(c.fields) do
      if f.init ~= nil then stmts:insert(quote ptr.[f.field] = [f.init] end) end
    end
  end
  return quote [stmts] end
end

-- cpp.method(T, name, fn): a non-virtual method (fn takes self : &T
-- first). When a base class has a virtual method of that name, this is
-- an override, as in C++.
function M.method(T, name, fn, at)
  local ci = info(T, at, "cpp.method")
  if ci.virtuals[name] then return M.override(T, name, fn, at, true) end
  checkopen(ci, "method " .. name, at)
  ci.methods[name] = "method"
  ci.direct[name] = fn
  T.methods[name] = fn
end

-- cpp.static(T, name, fn): a function called as T.name(args).
function M.static(T, name, fn, at)
  local ci = info(T, at, "cpp.static")
  checkopen(ci, "static method " .. name, at)
  ci.methods[name] = "static"
  T.methods[name] = fn
end

-- cpp.virtual(T, name, fn): a new virtual method. fn is a Terra function
-- (self : &T, ...) or, for an abstract (pure) method, a table
-- {params = {...}, result = type}.
function M.virtual(T, name, fn, at)
  local ci = info(T, at, "cpp.virtual")
  checkopen(ci, "virtual method " .. name, at)
  if ci.virtuals[name] then
    return M.override(T, name, fn, at, true)
  end
  local params, result, impl, abstract
  if terralib.isfunction(fn) then
    params, result = sig(fn, true)
    impl = fn
  elseif type(fn) == "table" then
    params, result, abstract = fn.params or {}, unitify(fn.result), true
  else
    raise("virtual method " .. name .. " of " .. ci.name .. " needs a Terra function or a signature", at)
  end
  ci.polymorphic = true
  ci.vslots:insert(name)
  ci.virtuals[name] = { params = params, result = result, impl = impl, abstract = abstract, owner = ci, declared = ci, at = at }
  ci.methods[name] = "virtual"
  if impl then ci.direct[name] = impl end
end

-- cpp.abstract(T, name, params, result): a pure virtual method.
function M.abstract(T, name, params, result, at)
  return M.virtual(T, name, { params = params, result = result }, at)
end

-- cpp.override(T, name, fn): replaces an inherited virtual method; the
-- signature must be the one the base class declared.
function M.override(T, name, fn, at, implicit)
  local ci = info(T, at, "cpp.override")
  checkopen(ci, "method " .. name, at)
  local v = ci.virtuals[name]
  if v == nil or v.declared == ci then
    if v and v.declared == ci then
      raise("class " .. ci.name .. " defines method " .. name .. " twice", at)
    end
    raise("method " .. name .. " of " .. ci.name .. " is marked override, but no base class has a virtual method " .. name, at)
  end
  local params, result
  if terralib.isfunction(fn) then
    params, result = sig(fn, true)
  else
    raise("override " .. name .. " of " .. ci.name .. " needs a Terra function", at)
  end
  if not samesig(params, result, v.params, v.result) then
    raise("method " .. name .. " of " .. ci.name .. " overrides " .. v.declared.name .. "." .. name ..
      " with a different signature: " .. sigstring(params, result) .. " instead of " .. sigstring(v.params, v.result), at)
  end
  ci.virtuals[name] = { params = v.params, result = v.result, impl = fn, owner = ci, declared = v.declared, at = at }
  ci.methods[name] = "override"
  ci.direct[name] = fn
end

-- cpp.constructor(T, fn): one more constructor (fn takes self : &T first).
function M.constructor(T, fn, at)
  local ci = info(T, at, "cpp.constructor")
  checkopen(ci, "a constructor", at)
  local params = sig(fn, true)
  for _, c in ipairs(ci.ctors) do
    if samesig(c.params, terralib.types.unit, params, terralib.types.unit) then
      raise("class " .. ci.name .. " already has a constructor " .. sigstring(params, "{}"):gsub(" : {}$", ""), at)
    end
  end
  ci.ctors:insert { params = params, fn = fn }
end

-- cpp.destructor(T, fn): the destructor body (fn takes self : &T). It
-- runs before the base class's destructor.
function M.destructor(T, fn, at)
  local ci = info(T, at, "cpp.destructor")
  checkopen(ci, "a destructor", at)
  if ci.ownedtor then raise("class " .. ci.name .. " already has a destructor", at) end
  ci.ownedtor = fn
end

-- Operators: `operator OP` methods become metamethods.
local opmeta = {
  ["+"] = "__add", ["-"] = "__sub", ["*"] = "__mul", ["/"] = "__div", ["%"] = "__mod",
  ["=="] = "__eq", ["~="] = "__ne", ["!="] = "__ne", ["<"] = "__lt", ["<="] = "__le", [">"] = "__gt", [">="] = "__ge",
  ["unm"] = "__unm", ["()"] = "__apply", ["[]"] = "__apply", ["cast"] = "__cast",
  ["<<"] = "__lshift", [">>"] = "__rshift", ["and"] = "__and", ["or"] = "__or", ["not"] = "__not",
}
M.opmeta = opmeta

-- cpp.operator(T, op, fn): fn takes self : &T first; op is "+", "==",
-- "[]", "()", "unm", "cast" (a conversion to fn's result type), ...
function M.operator(T, op, fn, at)
  local ci = info(T, at, "cpp.operator")
  checkopen(ci, "operator " .. op, at)
  if not opmeta[op] then raise("cannot overload operator " .. tostring(op), at) end
  local params, result = sig(fn, true)
  ci.ops[op] = ci.ops[op] or terralib.newlist()
  ci.ops[op]:insert { params = params, result = result, fn = fn, at = at }
end

-- Vtables ---------------------------------------------------------------

local function slotname(n) return "m_" .. n end

-- The vtable type of a class: its parent's vtable address, its name, its
-- destructor, then one function pointer per virtual method (in slot order,
-- so a derived vtable has its base's as prefix).
local function vtabletype(ci)
  if ci.VT then return ci.VT end
  local VT = terralib.types.newstruct("vtable(" .. ci.name .. ")")
  VT.entries:insert { field = "__parent", type = &opaque }
  VT.entries:insert { field = "__name", type = rawstring }
  VT.entries:insert { field = "__dtor", type = { &opaque } -> {} }
  for _, n in ipairs(ci.vslots) do
    local v = ci.virtuals[n]
    VT.entries:insert { field = slotname(n), type = terralib.types.funcpointer({ &opaque, unpack(v.params) }, v.result) }
  end
  ci.VT = VT
  return VT
end

local function abstractstub(ci, n)
  local v = ci.virtuals[n]
  local ps = terralib.newlist()
  for _, p in ipairs(v.params) do ps:insert(symbol(p)) end
  local msg = "pure virtual method " .. v.declared.name .. "." .. n .. " called\n"
  return terra(self : &opaque, [ps]) : v.result
    C.fprintf(C.stderr, msg)
    C.abort()
  end
end

local fulldtor, destroyer -- defined below

-- The vtable of a class, a constant built on first use.
local function vtable(ci)
  if ci.vtable then return ci.vtable end
  local VT = vtabletype(ci)
  local inits = terralib.newlist()
  local parent = ci.base and ci.base.polymorphic and vtable(ci.base)
  inits:insert(parent and (`[&opaque](&parent)) or (`nil))
  inits:insert(ci.name)
  local d = destroyer(ci)
  inits:insert(d and (`[{ &opaque } -> {}](d)) or (`nil))
  for _, n in ipairs(ci.vslots) do
    local v = ci.virtuals[n]
    local impl = v.impl or abstractstub(ci, n)
    local FT = terralib.types.funcpointer({ &opaque, unpack(v.params) }, v.result)
    inits:insert(`[FT](impl))
  end
  ci.vtable = constant(VT, `VT { [inits] })
  return ci.vtable
end
M.vtable = function(T) return vtable(info(T)) end

-- ismanaged(T): T is a managed type (it has __dtor, or managed fields);
-- false before the compiler knows managed types.
local function ismanaged(T)
  return terralib.ismanaged ~= nil and terralib.ismanaged(T)
end

-- The destructor of a class with a destructor body somewhere in its
-- chain: for each class from T up to the root, its body, then its own
-- managed fields (last first), as C++ destroys members after the body.
fulldtor = function(ci)
  if ci.fulldtor ~= nil then return ci.fulldtor or nil end
  local chain = terralib.newlist()
  local any = false
  local c = ci
  while c do
    chain:insert(c)
    if c.ownedtor then any = true end
    c = c.base
  end
  if not any then
    ci.fulldtor = false
    return nil
  end
  local T = ci.T
  local fields = macro(function(self, which)
    local c = chain[which:asvalue()]
    local stmts = terralib.newlist()
    for i = #c.fields, 1, -1 do
      local f = c.fields[i]
      if ismanaged(f.type) then stmts:insert(quote self.[f.field]:__dtor() end) end
    end
    return quote [stmts] end
  end)
  local fn = terra(self : &T) : {}
    escape
      for i, c in ipairs(chain) do
        if c.ownedtor then emit quote [c.ownedtor](self) end end
        emit quote fields(self, i) end
      end
    end
  end
  fn:setname(ci.name .. ".__dtor")
  ci.fulldtor = fn
  return fn
end

-- What destroys an object of class ci: its destructor, the one the
-- compiler made for a managed class, or nothing.
destroyer = function(ci)
  local d = fulldtor(ci)
  if d then return d end
  if ismanaged(ci.T) then
    local T = ci.T
    local fn = terra(self : &T) : {} self:__dtor() end
    fn:setname(ci.name .. ".destroy")
    return fn
  end
  return nil
end

-- Completing a class --------------------------------------------------

local function abstractnames(ci)
  local missing = terralib.newlist()
  for _, n in ipairs(ci.vslots) do
    if ci.virtuals[n].impl == nil then missing:insert(n) end
  end
  return missing
end

-- The call of a virtual method through the vtable.
local function dispatcher(name)
  return macro(function(self, ...)
    local args = terralib.newlist { ... }
    local st = self:gettype()
    local cls = st:ispointer() and st.type or st
    local ci = classof(cls)
    local v = ci and ci.virtuals[name]
    if v == nil then error("no virtual method " .. name .. " in " .. tostring(cls), 0) end
    if not pick({ { params = v.params } }, args) then
      error("method " .. name .. " of " .. ci.name .. " expects " .. sigstring(v.params, v.result) .. " but is called with " .. argtypes(args), 0)
    end
    local VT = vtabletype(ci)
    return quote
      var p = [&cls]([st:ispointer() and self or (`&self)])
    in
      [&VT](p.__vptr).[slotname(name)]([&opaque](p), [args])
    end
  end)
end

local function installops(ci)
  local T = ci.T
  if ci.ops["=="] and not ci.ops["~="] then
    -- a ~= b is not (a == b) unless the class says otherwise.
    T.metamethods.__ne = macro(function(a, b) return `not (a == b) end)
  end
  for op, list in pairs(ci.ops) do
    local mm = opmeta[op]
    if op == "cast" then
      -- Conversions: T converts to each result type; upcasts still work.
      local upcast = T.metamethods.__cast
      T.metamethods.__cast = function(from, to, exp)
        if from == T then
          for _, c in ipairs(list) do
            if c.result == to then
              if exp:islvalue() then return `[c.fn](&exp) end
              return quote var tmp = exp in [c.fn](&tmp) end
            end
          end
        end
        return upcast(from, to, exp)
      end
    else
      T.metamethods[mm] = macro(function(self, ...)
        local args = terralib.newlist { ... }
        local st = self:gettype()
        if st ~= T and not (st:ispointer() and st.type == T) then
          error("operator " .. op .. " of " .. ci.name .. " needs a " .. ci.name .. " on its left, not " .. tostring(st), 0)
        end
        local c = pick(list, args)
        if c == nil then
          error("no operator " .. op .. " of " .. ci.name .. " takes " .. argtypes(args), 0)
        end
        local call
        if st:ispointer() then
          call = `[c.fn](self, [args])
        elseif op == "[]" or op == "()" or self:islvalue() then
          -- The object itself (m(i) may return a reference into it).
          call = `[c.fn](&self, [args])
        else
          call = quote var tmp = self in [c.fn](&tmp, [args]) end
        end
        if op == "[]" and c.result:ispointer() then
          -- A reference: m(i) is an lvalue.
          return `@[call]
        end
        return call
      end)
    end
  end
end

local function setvptr(ci, ptr)
  if not ci.polymorphic then return quote end end
  local vt = vtable(ci)
  return quote ptr.__vptr = [&opaque](&vt) end
end

-- installcopy makes a copy constructor `new(o : &T)` the class's __copy,
-- so that `var b = a` and `b = a` call it as in C++. The target is
-- destroyed and re-initialized first (assignment), and self-assignment
-- does nothing. It takes effect for managed classes (a destructor or
-- managed fields); other classes are plain data and copy their bits.
local function installcopy(ci)
  local T = ci.T
  local copy
  for _, c in ipairs(ci.ctors) do
    if #c.params == 1 and c.params[1] == &T then copy = c.fn end
  end
  if copy == nil then return end
  local reset = macro(function(to)
    if not ismanaged(T) then return quote end end
    return quote to:__dtor(); to:__init() end
  end)
  local fn = terra(from : &T, to : &T) : {}
    if from == to then return end
    reset(to)
    [setvptr(ci, to)]
    [fieldinits(ci, to)]
    copy(to, from)
  end
  fn:setname(ci.name .. ".__copy")
  T.methods.__copy = fn
end

-- cpp.finish(T): the class is complete. Checks that its interfaces are
-- implemented, installs virtual dispatch, constructors, the destructor
-- and the operators.
function M.finish(T, at)
  local ci = info(T, at, "cpp.finish")
  if ci.finished then return T end
  ci.finished = true
  for _, n in ipairs(ci.vslots) do
    T.methods[n] = dispatcher(n)
  end
  -- constructors
  if #ci.ctors == 0 then
    local base = ci.base
    local binit
    if base then
      for _, c in ipairs(base.ctors) do if #c.params == 0 then binit = c.fn end end
    end
    local fn = terra(self : &T) : {}
      escape if binit then emit quote binit(self) end end end
    end
    fn:setname(ci.name .. ".init")
    ci.ctors:insert { params = {}, fn = fn, default = true }
  end
  local fns = terralib.newlist()
  for _, c in ipairs(ci.ctors) do fns:insert(c.fn) end
  T.methods.init = terralib.overloadedfunction(ci.name .. ".init", fns)
  local d = fulldtor(ci)
  if d then
    ci.userdtor = true
    T.methods.__dtor = d
  end
  if ci.polymorphic then
    -- `var x : T` of a managed class runs __init: zero the object,
    -- initialize its managed fields, and point it at T's vtable, so a
    -- declared object dispatches like a constructed one.
    local initfields = macro(function(self)
      local stmts = terralib.newlist()
      if terralib.ismanaged then
        for _, e in ipairs(T:getentries()) do
          if e.field and e.type and terralib.ismanaged(e.type) then
            stmts:insert(quote self.[e.field]:__init() end)
          end
        end
      end
      return quote [stmts] end
    end)
    local setvt = macro(function(self) return quote [setvptr(ci, self)]; [fieldinits(ci, self)] end end)
    local init = terra(self : &T) : {}
      C.memset(self, 0, sizeof(T))
      initfields(self)
      setvt(self)
    end
    init:setname(ci.name .. ".__init")
    T.methods.__init = init
  end
  installcopy(ci)
  installops(ci)
  -- interfaces
  for _, I in ipairs(ci.ifaces) do M.checkimplements(ci, I, at or ci.at) end
  return T
end

-- Construction ----------------------------------------------------------

local function checkconcrete(ci)
  local missing = abstractnames(ci)
  if #missing > 0 then
    error("cannot create an object of abstract class " .. ci.name .. ": " ..
      table.concat(missing:map(function(n) return ci.virtuals[n].declared.name .. "." .. n end), ", ") ..
      (#missing == 1 and " is" or " are") .. " not implemented", 0)
  end
end

local function choosector(ci, args)
  local c, why = pick(ci.ctors, args)
  if c == nil then
    error((why == "ambiguous" and "ambiguous constructor call " or "no constructor of ") .. ci.name ..
      (why == "ambiguous" and "" or " takes ") .. argtypes(args), 0)
  end
  local cargs = terralib.newlist()
  for i, a in ipairs(args) do cargs:insert(`[c.params[i]](a)) end
  return c, cargs
end

local function ctorcall(ci, ptr, args)
  local c, cargs = choosector(ci, args)
  return `[c.fn](ptr, [cargs])
end


-- T(args): an object on the stack.
function M.construct(T, args)
  local ci = classof(T)
  if not ci.finished then M.finish(T) end
  if #args == 1 and args[1]:gettype() == T then return args[1] end
  checkconcrete(ci)
  local c, cargs = choosector(ci, args)
  if c.make == nil then
    -- A function that returns the object: its local is moved out to
    -- the caller, never destroyed here (managed types).
    local ps = terralib.newlist()
    for _, p in ipairs(c.params) do ps:insert(symbol(p)) end
    c.make = terra([ps]) : T
      var obj : T
      [setvptr(ci, `&obj)]
      [fieldinits(ci, `&obj)]
      [c.fn](&obj, [ps])
      return obj
    end
    c.make:setname(ci.name .. ".make")
  end
  return `[c.make]([cargs])
end

-- T.new(args): an object on the heap (free it with cpp.delete).
function M.allocate(T, args)
  local ci = classof(T)
  if not ci.finished then M.finish(T) end
  checkconcrete(ci)
  local p = symbol(&T, "p")
  local init = ctorcall(ci, p, args)
  -- The constructor body assigns to fields, which destroys their old
  -- values: managed fields must hold valid (initialized) objects first.
  local raii = quote end
  if terralib.ismanaged(T) then raii = quote [p]:__init() end end
  return quote
    var [p] = [&T](C.calloc(1, sizeof(T)))
    if [p] == nil then
      C.fprintf(C.stderr, "out of memory allocating %s\n", [ci.name])
      C.abort()
    end
    [raii]
    [setvptr(ci, p)]
    [fieldinits(ci, p)]
    [init]
  in
    [p]
  end
end

-- cpp.delete(p): destroys *p (through its vtable when the class is
-- polymorphic: the dynamic type's destructor runs) and frees it.
M.delete = macro(function(p)
  local pt = p:gettype()
  if not (pt:ispointer() and isclass(pt.type)) then
    error("cpp.delete expects a pointer to a class object, not " .. tostring(pt), 0)
  end
  local ci = classof(pt.type)
  local q = symbol(pt, "q")
  local destroy
  if ci.polymorphic then
    local VT = vtabletype(ci)
    destroy = quote
      var d = [&VT]([q].__vptr).__dtor
      if d ~= nil then d([&opaque]([q])) end
    end
  else
    local d = destroyer(ci)
    destroy = d and quote d([q]) end or quote end
  end
  return quote
    var [q] = p
    if [q] ~= nil then
      [destroy]
      C.free([q])
    end
  end
end)

-- cpp.dynamic_cast(&D, p): p as a &D when the object p points to is a D
-- (or derives from D), else nil.
local isa = terra(vt : &opaque, target : &opaque) : bool
  while vt ~= nil do
    if vt == target then return true end
    vt = @[&&opaque](vt) -- __parent is the vtable's first entry
  end
  return false
end
isa:setname("cpp.isa")

M.dynamic_cast = macro(function(to, p)
  local PT = to:astype()
  if not (PT:ispointer() and isclass(PT.type)) then
    error("cpp.dynamic_cast: " .. tostring(PT) .. " is not a pointer to a class", 0)
  end
  local pt = p:gettype()
  if not (pt:ispointer() and isclass(pt.type)) then
    error("cpp.dynamic_cast: expects a pointer to a class object, not " .. tostring(pt), 0)
  end
  local from, target = classof(pt.type), classof(PT.type)
  if not from.polymorphic then
    error("cpp.dynamic_cast: " .. from.name .. " has no virtual methods, so objects do not know their class", 0)
  end
  if issubclass(target.T, from.T) == false and issubclass(from.T, target.T) == false then
    error("cpp.dynamic_cast: " .. target.name .. " and " .. from.name .. " are unrelated classes", 0)
  end
  if not target.finished then M.finish(target.T) end
  local vt = vtable(target)
  return quote
    var q = p
    var r : PT = nil
    if q ~= nil and isa(q.__vptr, [&opaque](&vt)) then r = [PT](q) end
  in
    r
  end
end)

-- The name of the dynamic class of a polymorphic object.
M.classname = macro(function(p)
  local pt = p:gettype()
  local ci = pt:ispointer() and classof(pt.type)
  if not (ci and ci.polymorphic) then error("cpp.classname expects a pointer to a polymorphic class object", 0) end
  return `[&&int8](p.__vptr)[1]
end)

-- Interfaces ------------------------------------------------------------

-- cpp.interface(name, methods): methods is a list of
-- {name, params = {...}, result = type}. An interface value is a fat
-- pointer: the object and the table of its class's implementations.
function M.interface(name, methods, at)
  local I = terralib.types.newstruct(name)
  local IT = terralib.types.newstruct("itable(" .. name .. ")")
  local ii = { I = I, IT = IT, name = name, methods = terralib.newlist(), byname = {}, tables = {}, at = at }
  for _, m in ipairs(methods) do
    local mname = m.name or m[1]
    if ii.byname[mname] then raise("interface " .. name .. " declares " .. mname .. " twice", m.at or at) end
    local e = { name = mname, params = m.params or {}, result = unitify(m.result) }
    ii.methods:insert(e)
    ii.byname[mname] = e
    IT.entries:insert { field = mname, type = terralib.types.funcpointer({ &opaque, unpack(e.params) }, e.result) }
  end
  I.entries:insert { field = "object", type = &opaque }
  I.entries:insert { field = "itable", type = &IT }
  interfaces[I] = ii
  for _, e in ipairs(ii.methods) do
    I.methods[e.name] = macro(function(self, ...)
      local args = terralib.newlist { ... }
      if not pick({ { params = e.params } }, args) then
        error("method " .. e.name .. " of interface " .. name .. " expects " .. sigstring(e.params, e.result) .. " but is called with " .. argtypes(args), 0)
      end
      return quote var i = self in i.itable.[e.name](i.object, [args]) end
    end)
  end
  if #ii.methods == 1 then
    -- An interface of one method is callable: i(args) calls it.
    local only = ii.methods[1].name
    I.metamethods.__apply = macro(function(self, ...)
      local args = terralib.newlist { ... }
      return `self:[only]([args])
    end)
  end
  I.metamethods.__cast = function(from, to, exp)
    if to == I and from:ispointer() and isclass(from.type) and M.implements(from.type, I) then
      local tbl = M.itable(from.type, I)
      return `I { [&opaque](exp), &tbl }
    end
    error(tostring(from) .. " does not implement " .. name)
  end
  return I
end

function M.isinterface(I) return interfaces[I] ~= nil end

function M.implements(T, I)
  local ci = classof(T)
  if not ci then return false end
  for _, J in ipairs(ci.ifaces) do if J == I then return true end end
  return false
end

-- The method a class has for an interface method, and its signature.
local function classmethod(ci, n)
  local v = ci.virtuals[n]
  if v then return v.params, v.result, true end
  local fn = ci.direct[n]
  if fn then
    local params, result = sig(fn, true)
    return params, result, true
  end
  return nil
end

function M.checkimplements(ci, I, at)
  local ii = interfaces[I]
  for _, e in ipairs(ii.methods) do
    local params, result = classmethod(ci, e.name)
    if params == nil then
      raise("class " .. ci.name .. " does not implement " .. ii.name .. "." .. e.name, at)
    end
    if not samesig(params, result, e.params, e.result) then
      raise("method " .. e.name .. " of " .. ci.name .. " has signature " .. sigstring(params, result) ..
        " but interface " .. ii.name .. " requires " .. sigstring(e.params, e.result), at)
    end
  end
end

-- The constant method table of class T for interface I: thunks that call
-- T's method (through the vtable when it is virtual).
function M.itable(T, I)
  local ii = interfaces[I]
  if ii.tables[T] then return ii.tables[T] end
  local inits = terralib.newlist()
  for _, e in ipairs(ii.methods) do
    local ps = terralib.newlist()
    for _, p in ipairs(e.params) do ps:insert(symbol(p)) end
    local thunk = terra(self : &opaque, [ps]) : e.result
      return [&T](self):[e.name]([ps])
    end
    thunk:setname(tostring(T) .. "." .. e.name .. "@" .. ii.name)
    inits:insert(thunk)
  end
  local tbl = constant(ii.IT, `[ii.IT] { [inits] })
  ii.tables[T] = tbl
  return tbl
end

-- Templates -------------------------------------------------------------

local function argname(a)
  if terralib.types.istype(a) then return tostring(a) end
  return tostring(a)
end

-- has(op) is a template constraint: the type argument must support the
-- operation op (a metamethod such as "__eq" or a method name).
local arithops = { __add = true, __sub = true, __mul = true, __div = true, __mod = true, __eq = true, __ne = true,
  __lt = true, __le = true, __gt = true, __ge = true, __unm = true }
function M.has(...)
  local ops = { ... }
  return function(T)
    for _, op in ipairs(ops) do
      local ok = false
      if terralib.types.istype(T) then
        if T:isarithmetic() or T:ispointer() then
          ok = arithops[op] and (T:isarithmetic() or op == "__eq" or op == "__ne" or op == "__lt")
        elseif T:isstruct() then
          ok = T.metamethods[op] ~= nil or T.methods[op] ~= nil
        end
      end
      if not ok then return false, "has no `" .. op .. "`" end
    end
    return true
  end
end

-- cpp.template(params, build [, name]): params is a list of parameter
-- names or {name, constraint}; build(args...) makes the instance. The
-- result is a memoized function: the same arguments give the same
-- instance. A constraint is a function(arg) returning true, or false and
-- what is missing (see cpp.has); a list of strings is has(...) of them.
function M.template(params, build, name)
  local ps = terralib.newlist()
  for i, p in ipairs(params) do
    if type(p) == "string" then
      ps:insert { name = p }
    else
      local c = p.constraint or p[2]
      if type(c) == "string" then c = M.has(c)
      elseif type(c) == "table" then c = M.has(unpack(c)) end
      ps:insert { name = p.name or p[1], constraint = c }
    end
  end
  local cache = {}
  local function instantiate(...)
    local args = { ... }
    local n = select("#", ...)
    local tname = (name or "template") .. "(" .. table.concat((function()
      local t = {}
      for i = 1, n do t[i] = argname(args[i]) end
      return t
    end)(), ", ") .. ")"
    if n ~= #ps then
      raise(tname .. ": expected " .. #ps .. " template argument" .. (#ps == 1 and "" or "s") .. ", got " .. n)
    end
    local node = cache
    for i = 1, n do
      local a = args[i]
      if a == nil then raise(tname .. ": template argument " .. ps[i].name .. " is nil") end
      node[a] = node[a] or {}
      node = node[a]
    end
    if node.value ~= nil then return node.value end
    for i, p in ipairs(ps) do
      if p.constraint then
        local ok, why = p.constraint(args[i])
        if not ok then
          raise(tname .. ": `" .. p.name .. "` (" .. argname(args[i]) .. ") " .. (why or "does not satisfy its constraint"))
        end
      end
    end
    local v = build(tname, unpack(args, 1, n))
    node.value = v
    return v
  end
  return instantiate
end

-- Panics ----------------------------------------------------------------

-- cpp.panic(fmt, ...): prints "file:line: panicked: message" and aborts. No
-- exceptions: errors are values, a panic ends the program.
M.panic = macro(function(msg, ...)
  local where = ""
  local t = msg and msg.tree
  if t and t.filename then where = t.filename .. ":" .. t.linenumber .. ": " end
  local fmtargs = terralib.newlist { ... }
  return quote
    C.fflush(C.stdout)
    C.fprintf(C.stderr, [where .. "panicked: "])
    C.fprintf(C.stderr, msg, [fmtargs])
    C.fprintf(C.stderr, "\n")
    C.abort()
  end
end)

return M
