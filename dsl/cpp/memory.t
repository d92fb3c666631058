-- terra++ smart pointers: unique_ptr(T) (sole owner, moves only) and
-- shared_ptr(T) (reference counted, copies share). Also the small
-- element-handling helpers the other containers build on (module field
-- `detail`): whether a type is managed, and how to construct, destroy,
-- copy and move a T that lives in raw heap memory.
local C = terralib.includec("stdlib.h")
local Cs = terralib.includec("string.h")
local Cio = terralib.includec("stdio.h")

local detail = {}

-- ismanaged(T): T needs its destructor run (a struct with __dtor, or an
-- aggregate with such a field or element). Plain types are moved and
-- copied bitwise and never destroyed.
local function ismanaged(T)
  -- the compiler's own answer (it completes T)
  if terralib.ismanaged then return terralib.ismanaged(T) end
  if T:isstruct() then
    T:complete()
    if T.methods.__dtor ~= nil then return true end
    for _, e in ipairs(T:getentries()) do
      if e.type and ismanaged(e.type) then return true end
    end
    return false
  elseif T:isarray() then
    return ismanaged(T.type)
  end
  return false
end
detail.ismanaged = ismanaged

-- The name of a type for messages.
function detail.typename(T) return tostring(T) end

-- construct(T, p): p : &T points at raw memory; leave a valid empty T
-- there (its __init, or zero bytes, which is every library type's empty
-- state and the compiler's default initialisation).
detail.construct = function(T)
  return macro(function(p)
    if T:isstruct() then T:complete() end
    if T:isstruct() and T.methods.__init then
      return quote Cs.memset(p, 0, sizeof(T)); [p]:__init() end
    elseif ismanaged(T) then
      return quote Cs.memset(p, 0, sizeof(T)) end
    end
    return quote end
  end)
end

-- destroy(T, p): run T's destructor on the object at p (which stays
-- allocated). Nothing for plain types.
detail.destroy = function(T)
  return macro(function(p)
    if not ismanaged(T) then return quote end end
    if T:isstruct() and T.methods.__dtor then
      return quote [p]:__dtor() end
    end
    -- An aggregate whose destructor the compiler generates: move the
    -- object into a local that dies at once.
    return quote do var tmp : T; Cs.memcpy(&tmp, p, sizeof(T)); Cs.memset(p, 0, sizeof(T)) end end
  end)
end

-- relocate(T, dst, src): move the object at src into raw memory at dst;
-- src is left empty (zero bytes), so destroying it later does nothing.
detail.relocate = function(T)
  return macro(function(dst, src)
    if ismanaged(T) then
      return quote
        var d, s = dst, src
        Cs.memcpy(d, s, sizeof(T)); Cs.memset(s, 0, sizeof(T))
      end
    end
    return quote @[dst] = @[src] end
  end)
end

-- copyinto(T, dst, src): copy-construct *src into raw memory at dst.
-- Managed elements are first made empty, then assigned (the compiler
-- turns the assignment of an lvalue into T's __copy).
detail.copyinto = function(T)
  local construct = detail.construct(T)
  return macro(function(dst, src)
    if ismanaged(T) then
      return quote
        var d = dst
        construct(d)
        @d = @[src]
      end
    end
    return quote @[dst] = @[src] end
  end)
end

-- panic(file, line, msg): print "file:line: panicked: msg" on stderr and
-- abort, as cpp.panic does.
-- Standard output is flushed first so that it stays in order.
terra detail.panicat(file : rawstring, line : int, msg : rawstring) : {}
  Cio.fflush(nil)
  Cio.fprintf(Cio.stderr, "%s:%d: panicked: %s\n", file, line, msg)
  C.abort()
end

-- where(e): file and line of the expression a macro was given.
function detail.where(e)
  local t = e and e.tree
  local file, line = "?", 0
  if t then
    file = t.filename or "?"
    line = t.linenumber or 0
  end
  file = file:match("[^/]*$")
  return file, line
end

-- panic(msg): a macro that aborts with msg and the caller's line.
detail.panic = macro(function(msg)
  local file, line = detail.where(msg)
  return `detail.panicat(file, line, msg)
end)

-- bind(e, tmp): &e for an lvalue e (or e itself when it is a pointer);
-- an rvalue is moved into tmp, which the caller declared to live as long
-- as the pointer is used, and &tmp is returned. Loops over containers use
-- it so that `for x in v` neither copies v nor loses a temporary.
detail.bind = macro(function(e, tmp)
  local t = e:gettype()
  if t:ispointer() then return e end
  if e:islvalue() then return `&e end
  return quote tmp = e in &tmp end
end)

-- lifecycle(S, dtor, copy): install S's __dtor (and __copy) as macros
-- that call the Terra functions dtor(&S) and copy(&S, &S). The compiler
-- wraps a macro lifecycle method without typechecking the function behind
-- it, so a type may contain itself through the container (struct Node
-- { kids : vector(Node) }, shared_ptr(Node) inside Node): the element's
-- destructor is only needed when the container's functions are compiled.
local function addressof(e)
  if e:gettype():ispointer() then return e end
  return `&e
end
function detail.lifecycle(S, dtor, copy)
  S.methods.__dtor = macro(function(self) return `dtor([addressof(self)]) end)
  if copy then
    S.methods.__copy = macro(function(from, to)
      return `copy([addressof(from)], [addressof(to)])
    end)
  end
end

local M = { detail = detail }

-- unique_ptr(T): the sole owner of a heap T. It moves and never copies
-- (it has no __copy); `p.ptr` is nil when empty.
M.unique_ptr = terralib.memoize(function(T)
  local struct U { ptr : &T }
  U.name = "unique_ptr(" .. tostring(T) .. ")"
  U.elemtype = T
  local destroy = detail.destroy(T)
  local relocate = detail.relocate(T)
  local construct = detail.construct(T)

  -- U.make(x): a new heap T moved from x.
  -- U.new(): a new heap T, empty (its __init, or zero bytes).
  terra U.methods.new() : U
    var u : U
    u.ptr = [&T](C.malloc(sizeof(T)))
    Cs.memset(u.ptr, 0, sizeof(T))
    construct(u.ptr)
    return u
  end
  terra U.methods.make(x : T) : U
    var u : U
    u.ptr = [&T](C.malloc(sizeof(T)))
    relocate(u.ptr, &x)
    return u
  end
  -- U.adopt(p): take ownership of a malloc'ed T.
  terra U.methods.adopt(p : &T) : U
    var u : U
    u.ptr = p
    return u
  end
  terra U:reset() : {}
    if self.ptr ~= nil then
      destroy(self.ptr)
      C.free(self.ptr)
      self.ptr = nil
    end
  end
  -- release(): give up ownership and return the raw pointer.
  terra U:release() : &T
    var p = self.ptr
    self.ptr = nil
    return p
  end
  terra U:get() : &T return self.ptr end
  terra U:isnull() : bool return self.ptr == nil end
  detail.lifecycle(U, U.methods.reset)
  -- Field access and method calls go through to the T: u.field, u:method().
  U.metamethods.__entrymissing = macro(function(name, u) return `u.ptr.[name] end)
  U.metamethods.__methodmissing = macro(function(name, u, ...)
    local args = {...}
    return `u.ptr:[name]([args])
  end)
  return U
end)

-- shared_ptr(T): a reference-counted heap T. Copies share the object and
-- add one to the count; the last owner's destructor destroys it.
M.shared_ptr = terralib.memoize(function(T)
  local struct Box { count : int64; value : T }
  local struct P { box : &Box }
  P.name = "shared_ptr(" .. tostring(T) .. ")"
  P.elemtype = T
  local destroy = detail.destroy(T)
  local relocate = detail.relocate(T)
  local construct = detail.construct(T)

  -- P.new(): a new heap T, empty (its __init, or zero bytes), count 1.
  terra P.methods.new() : P
    var p : P
    p.box = [&Box](C.malloc(sizeof(Box)))
    p.box.count = 1
    Cs.memset(&p.box.value, 0, sizeof(T))
    construct(&p.box.value)
    return p
  end
  terra P.methods.make(x : T) : P
    var p : P
    p.box = [&Box](C.malloc(sizeof(Box)))
    p.box.count = 1
    relocate(&p.box.value, &x)
    return p
  end
  terra P:reset() : {}
    var b = self.box
    if b ~= nil then
      self.box = nil
      b.count = b.count - 1
      if b.count == 0 then
        destroy(&b.value)
        C.free(b)
      end
    end
  end
  local terra copy(from : &P, to : &P) : {}
    var b = from.box
    if b ~= nil then b.count = b.count + 1 end
    to:reset()
    to.box = b
  end
  detail.lifecycle(P, P.methods.reset, copy)
  terra P:get() : &T
    if self.box == nil then return nil end
    return &self.box.value
  end
  terra P:isnull() : bool return self.box == nil end
  terra P:use_count() : int64
    if self.box == nil then return 0 end
    return self.box.count
  end
  P.metamethods.__entrymissing = macro(function(name, p) return `p.box.value.[name] end)
  P.metamethods.__methodmissing = macro(function(name, p, ...)
    local args = {...}
    return `p.box.value:[name]([args])
  end)
  return P
end)

return M
