-- std: small helpers for Terra programs (C's stdio/stdlib/string
-- functions, assert, object allocation and destruction, a growable
-- Vector(T)).
local C = terralib.includecstring [[
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
]]
local S = {}
for k, v in pairs(C) do S[k] = v end
S.memoize = terralib.memoize

-- assert(cond): print "file:line: assertion failed!" (the position of
-- the asserted expression) and abort when cond is false.
S.assert = macro(function(cond)
  local t = cond.tree
  local where = (t.filename or "?") .. ":" .. tostring(t.linenumber or 0)
  return quote
    if not cond then
      C.printf("%s: assertion failed!\n", where)
      C.fflush(nil)
      C.abort()
    end
  end
end)

-- rundestructor(x): x:destruct() when x's type has one (arrays: each
-- element).
local function hasdestruct(T)
  return T:isstruct() and T:getmethod("destruct") ~= nil
end
S.rundestructor = macro(function(x)
  local T = x:gettype()
  if hasdestruct(T) then
    return quote x:destruct() end
  elseif T:isarray() and hasdestruct(T.type) then
    return quote
      for i = 0, [T.N] do x[i]:destruct() end
    end
  end
  return quote end
end)

-- Object: a metatype giving T.alloc(), T.salloc(), obj:destruct()
-- (runs __destruct, then the members' destructors) and obj:delete().
function S.Object(T)
  terra T.methods.alloc() : &T
    return [&T](C.malloc(sizeof(T)))
  end
  T.methods.salloc = macro(function()
    return quote
      var v : T
      defer v:destruct()
    in
      &v
    end
  end)
  -- destruct is a macro that calls a function built on its first use:
  -- __destruct and the members' destructors defined after S.Object(T)
  -- still count, and `defer obj:destruct()` defers a call.
  local dtor
  T.methods.destruct = macro(function(self)
    if not dtor then
      local p = symbol(&T, "self")
      local stmts = terralib.newlist()
      if T.methods.__destruct then
        stmts:insert(quote [p]:__destruct() end)
      end
      for _, e in ipairs(T:getentries()) do
        if e.field then
          stmts:insert(quote S.rundestructor([p].[e.field]) end)
        end
      end
      dtor = terra([p]) [stmts] end
    end
    if self:gettype():ispointer() then
      return `dtor(self)
    end
    return `dtor(&self)
  end)
  terra T.methods.delete(self : &T)
    self:destruct()
    C.free(self)
  end
end

-- Vector(T): a growable array with v:insert(x), v:get(i), v(i),
-- v:size(), v:reserve(n), v:remove() (pops the last element).
S.Vector = terralib.memoize(function(T)
  local struct Vector {
    data : &T
    n : uint64
    cap : uint64
  }
  Vector.metamethods.__typename = function() return ("Vector(%s)"):format(tostring(T)) end
  terra Vector:init() self.data, self.n, self.cap = nil, 0, 0 end
  terra Vector:reserve(c : uint64)
    if c > self.cap then
      self.data = [&T](C.realloc(self.data, c * sizeof(T)))
      self.cap = c
    end
  end
  terra Vector:insert(x : T)
    if self.n == self.cap then
      var c = self.cap * 2
      if c == 0 then c = 4 end
      self:reserve(c)
    end
    self.data[self.n] = x
    self.n = self.n + 1
  end
  terra Vector:remove() : T
    self.n = self.n - 1
    return self.data[self.n]
  end
  terra Vector:size() return self.n end
  terra Vector:get(i : uint64) return &self.data[i] end
  terra Vector:__destruct() C.free(self.data); self.data, self.n, self.cap = nil, 0, 0 end
  Vector.metamethods.__apply = macro(function(self, i) return `self.data[i] end)
  S.Object(Vector)
  return Vector
end)

return S
