-- terra++ vector(T): a growable array that owns its elements, like
-- std::vector. It is a managed type: its destructor destroys the
-- elements and frees the storage, a copy is deep (element by element,
-- through T's __copy when T has one), and a move hands the storage over.
--
--   local V = cpp.vector(int)
--   var v : V             -- empty
--   v:push(3)
--   v(0) = 4              -- unchecked access, an lvalue
--   v:at(0)               -- checked access: out of range exits with the line
--   for x in v do ... end
local C = terralib.includec("stdlib.h")
local Cs = terralib.includec("string.h")
local Cio = terralib.includec("stdio.h")
local memory = require "cpp.memory"
local detail = memory.detail

local M = {}

terra M.rangefail(file : rawstring, line : int, what : rawstring, i : int64, n : int64) : {}
  Cio.fflush(nil)
  Cio.fprintf(Cio.stderr, "%s:%d: panicked: %s: index %lld out of range for size %lld\n", file, line, what, i, n)
  C.abort()
end

-- self may be a V or a &V; selfptr gives a &V either way.
local function selfptr(self)
  local t = self:gettype()
  if t:ispointer() then return self end
  return `&self
end

M.vector = terralib.memoize(function(T)
  if T == nil or not terralib.types.istype(T) then
    error("vector(T): T must be a Terra type, got " .. tostring(T), 2)
  end
  if T:isunit() then error("vector(T): T cannot be {}", 2) end
  local struct V { _data : &T; _size : int64; _cap : int64 }
  V.name = "vector(" .. tostring(T) .. ")"
  V.elemtype = T
  local destroy = detail.destroy(T)
  local relocate = detail.relocate(T)
  local copyinto = detail.copyinto(T)
  local construct = detail.construct(T)
  -- Type-dependent steps are macros, so that they are decided when a
  -- method is first compiled (T may still be incomplete here, as in
  -- struct Node { kids : vector(Node) }).
  local destroyrange = macro(function(d, a, b)
    if not detail.ismanaged(T) then return quote end end
    return quote var p = d; for i = [int64](a), b do destroy(&p[i]) end end
  end)
  local initrange = macro(function(d, a, b)
    if not (T:isstruct() and T.methods.__init) then return quote end end
    return quote var p = d; for i = [int64](a), b do construct(&p[i]) end end
  end)
  local copyrange = macro(function(dst, src, n)
    if not detail.ismanaged(T) then
      return quote Cs.memcpy(dst, src, n * sizeof(T)) end
    end
    return quote
      var d, s = dst, src
      for i = 0, [int64](n) do copyinto(&d[i], &s[i]) end
    end
  end)

  -- Storage: realloc moves elements bitwise, which is how every Terra
  -- value moves.
  terra V:_grow(want : int64) : {}
    var c = self._cap * 2
    if c < want then c = want end
    if c < 4 then c = 4 end
    self._data = [&T](C.realloc(self._data, c * sizeof(T)))
    self._cap = c
  end
  V.methods._grow:setinlined(false)

  terra V:reserve(n : int64) : {}
    if n > self._cap then
      self._data = [&T](C.realloc(self._data, n * sizeof(T)))
      self._cap = n
    end
  end
  terra V:size() : int64 return self._size end
  terra V:capacity() : int64 return self._cap end
  terra V:empty() : bool return self._size == 0 end
  terra V:data() : &T return self._data end

  terra V:clear() : {}
    destroyrange(self._data, 0, self._size)
    self._size = 0
  end

  terra V:_free() : {}
    self:clear()
    C.free(self._data)
    self._data, self._cap = nil, 0
  end

  -- push(x): append x (moved in; pass __move__(y) to give up a managed y
  -- without copying it).
  terra V:push(x : T) : {}
    if self._size == self._cap then self:_grow(self._size + 1) end
    relocate(&self._data[self._size], &x)
    self._size = self._size + 1
  end
  V.methods.push_back = V.methods.push

  -- pop(): remove the last element and return it.
  terra V:_pop(file : rawstring, line : int) : T
    var x : T
    if self._size == 0 then detail.panicat(file, line, "vector.pop: the vector is empty") end
    self._size = self._size - 1
    relocate(&x, &self._data[self._size])
    return x
  end

  -- insert(i, x): put x before the element at i (0 <= i <= size).
  terra V:_insert(i : int64, x : T, file : rawstring, line : int) : {}
    if i < 0 or i > self._size then M.rangefail(file, line, "vector.insert", i, self._size) end
    if self._size == self._cap then self:_grow(self._size + 1) end
    Cs.memmove(&self._data[i + 1], &self._data[i], (self._size - i) * sizeof(T))
    relocate(&self._data[i], &x)
    self._size = self._size + 1
  end

  -- erase(i): remove the element at i, shifting the rest down.
  terra V:_erase(i : int64, file : rawstring, line : int) : {}
    if i < 0 or i >= self._size then M.rangefail(file, line, "vector.erase", i, self._size) end
    destroy(&self._data[i])
    Cs.memmove(&self._data[i], &self._data[i + 1], (self._size - i - 1) * sizeof(T))
    self._size = self._size - 1
  end
  -- The checked operations report the caller's line.
  V.methods.pop = macro(function(self)
    local file, line = detail.where(self)
    return `self:_pop(file, line)
  end)
  V.methods.insert = macro(function(self, i, x)
    local file, line = detail.where(i)
    return `self:_insert(i, x, file, line)
  end)
  V.methods.erase = macro(function(self, i)
    local file, line = detail.where(i)
    return `self:_erase(i, file, line)
  end)

  -- resize(n): drop elements past n, or append empty (zero) ones.
  terra V:resize(n : int64) : {}
    if n < self._size then
      destroyrange(self._data, n, self._size)
    else
      self:reserve(n)
      Cs.memset(&self._data[self._size], 0, (n - self._size) * sizeof(T))
      initrange(self._data, self._size, n)
    end
    self._size = n
  end

  terra V:back() : &T return &self._data[self._size - 1] end
  terra V:front() : &T return &self._data[0] end

  -- Deep copy: `var w = v` and `w = v` for an lvalue v.
  terra V.methods._copy(from : &V, to : &V) : {}
    if from == to then return end
    to:_free()
    var n = from._size
    if n > 0 then
      to._data = [&T](C.malloc(n * sizeof(T)))
      to._cap = n
      copyrange(to._data, from._data, n)
    end
    to._size = n
  end

  -- v(i): the element at i, unchecked (like operator[]), an lvalue.
  V.metamethods.__apply = macro(function(self, i)
    return `self._data[i]
  end)
  -- v:get(i) is the same as v(i).
  V.methods.get = macro(function(self, i) return `self._data[i] end)
  -- v:at(i): the element at i; an index out of range prints the caller's
  -- line and exits.
  V.methods.at = macro(function(self, i)
    local file, line = detail.where(i)
    return quote
      var p = [selfptr(self)]
      var k : int64 = i
      if k < 0 or k >= p._size then M.rangefail(file, line, "vector.at", k, p._size) end
    in
      p._data[k]
    end
  end)

  -- for x in v do ... end: x takes each element in order: its value for
  -- a plain T, a pointer to it (&T) for a managed T, so that the loop
  -- neither copies nor destroys elements (fields and methods work through
  -- the pointer). The vector is not copied; an rvalue vector lives until
  -- the loop ends.
  V.metamethods.__for = function(vec, body)
    local p, i = symbol(&V, "p"), symbol(int64, "i")
    local x
    if detail.ismanaged(T) then x = `&p._data[i] else x = `p._data[i] end
    return quote
      var tmp : V
      var [p] = detail.bind(vec, tmp)
      var n = p._size
      for [i] = 0, n do
        [body(x)]
      end
    end
  end
  -- the managed-type methods (see detail.lifecycle)
  detail.lifecycle(V, V.methods._free, V.methods._copy)
  return V
end)

return M
