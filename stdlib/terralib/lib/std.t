-- std: small helpers for Terra programs (require "std"): the functions
-- of C's stdio.h, stdlib.h and string.h, assert, destructors, an object
-- metatype and a growable Vector(T).
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

-- needsdestruct says whether values of T have anything to destroy:
-- structs with a destruct method, and arrays of those.
local function needsdestruct(T)
  if T:isstruct() then return T:getmethod("destruct") ~= nil end
  if T:isarray() then return needsdestruct(T.type) end
  return false
end

-- rundestructor(x): x:destruct() when x's type has one; for an array,
-- each element's destructor. Other values need nothing.
S.rundestructor = macro(function(x)
  local T = x:gettype()
  if T:isstruct() and needsdestruct(T) then
    return quote x:destruct() end
  elseif T:isarray() and needsdestruct(T) then
    return quote
      var p = &x
      for i = 0, [T.N] do S.rundestructor((@p)[i]) end
    end
  end
  return quote end
end)

-- destroyfields(obj): obj's own __destruct, then the destructor of each
-- field (union members are left alone: which one is live is unknown).
local destroyfields = macro(function(obj)
  local T = obj:gettype()
  local stmts = terralib.newlist()
  if T.methods.__destruct then
    stmts:insert(quote obj:__destruct() end)
  end
  for _, e in ipairs(T:getentries()) do
    if e.field then
      stmts:insert(quote S.rundestructor(obj.[e.field]) end)
    end
  end
  return quote [stmts] end
end)

-- Object(T), used as a metatype (struct T(S.Object) {...}), gives
--   T.alloc()      a heap T (uninitialised), freed by obj:delete()
--   T.salloc()     a pointer to a stack T destroyed when the enclosing
--                  block of the caller ends
--   obj:destruct() __destruct (if defined), then the fields' destructors
--   obj:delete()   destruct, then free
-- The bodies are typechecked on first use, so a __destruct defined after
-- the struct is still found.
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
  terra T.methods.destruct(self : &T)
    destroyfields(@self)
  end
  terra T.methods.delete(self : &T)
    self:destruct()
    C.free(self)
  end
end

-- Vector(T [, debug]): a growable array of T, an S.Object.
--   v:init() / v:init(capacity)   start empty; return v
--   v:size(), v:reserve(n), v:get(i) (a pointer), v(i) (the element)
--   v:insert(x)                   append x
--   v:insert()                    append an element; return a pointer to it
--   v:insert(i, x)                insert x before position i
--   v:insert(i, n, x)             insert n copies of x before position i
--   v:remove()                    remove and return the last element
--   v:remove(i)                   remove and return element i
-- Destroying the vector destroys its elements. With debug true, indexes
-- and sizes are checked with S.assert.
function S.Vector(T, debug)
  local struct Vector(S.Object) {
    _data : &T
    _size : uint64
    _capacity : uint64
  }
  Vector.metamethods.__typename = function() return ("Vector(%s)"):format(tostring(T)) end
  local check = debug and S.assert or macro(function() return quote end end)

  -- Capacity grows by doubling from 16, so appends are amortised O(1).
  terra Vector:reserve(n : uint64)
    if n > self._capacity then
      if self._capacity == 0 then self._capacity = 16 end
      while self._capacity < n do self._capacity = self._capacity * 2 end
      self._data = [&T](C.realloc(self._data, sizeof(T) * self._capacity))
    end
  end
  Vector.methods.init = terralib.overloadedfunction("init", {
    terra(self : &Vector) : &Vector
      self._data, self._size, self._capacity = nil, 0, 0
      return self
    end,
    terra(self : &Vector, capacity : uint64) : &Vector
      self:init()
      self:reserve(capacity)
      return self
    end,
  })
  terra Vector:__destruct()
    check(self._size <= self._capacity)
    for i = 0ULL, self._size do
      S.rundestructor(self._data[i])
    end
    C.free(self._data)
    self._data, self._size, self._capacity = nil, 0, 0
  end
  terra Vector:size() return self._size end
  terra Vector:get(i : uint64)
    check(i < self._size)
    return &self._data[i]
  end
  Vector.metamethods.__apply = macro(function(self, i)
    return `@self:get(i)
  end)

  -- Opens a gap of n elements at idx, filled with copies of x.
  local terra insertn(self : &Vector, idx : uint64, n : uint64, x : T) : {}
    check(idx <= self._size)
    self:reserve(self._size + n)
    var i = self._size
    while i > idx do
      self._data[i - 1 + n] = self._data[i - 1]
      i = i - 1
    end
    for k = 0ULL, n do
      self._data[idx + k] = x
    end
    self._size = self._size + n
  end
  Vector.methods.insert = terralib.overloadedfunction("insert", {
    insertn,
    terra(self : &Vector, idx : uint64, x : T) : {} insertn(self, idx, 1, x) end,
    terra(self : &Vector, x : T) : {} insertn(self, self._size, 1, x) end,
    terra(self : &Vector) : &T
      self:reserve(self._size + 1)
      self._size = self._size + 1
      return &self._data[self._size - 1]
    end,
  })
  Vector.methods.remove = terralib.overloadedfunction("remove", {
    terra(self : &Vector, idx : uint64) : T
      check(idx < self._size)
      var x = self._data[idx]
      self._size = self._size - 1
      for i = idx, self._size do
        self._data[i] = self._data[i + 1]
      end
      return x
    end,
  })
  Vector.methods.remove:adddefinition(terra(self : &Vector) : T
    check(self._size > 0)
    return self:remove(self._size - 1)
  end)
  return Vector
end
S.Vector = S.memoize(S.Vector)

return S
