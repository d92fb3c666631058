-- terra++ hashmap(K, V): an open-addressing hash table (linear probing,
-- one control byte a slot holding 7 bits of the hash, tombstones for
-- removed entries), like std::unordered_map but flat. A managed type: it
-- destroys its keys and values, copies deeply and moves by handing over
-- its arrays.
--
-- K needs a hash and ==: integers, pointers and floats have both; a
-- struct key (cpp.string, or your own) needs a method `hash(self) : uint64`
-- and an `__eq` metamethod.
--
--   local M = cpp.hashmap(cpp.string, int)
--   var m : M
--   m:put("apple", 3)          -- insert or assign
--   m("pear") = m("pear") + 1  -- m(k): the value, inserted as zero if absent
--   var p = m:get("apple")     -- &V, or nil when absent
--   m:contains(k), m:remove(k), m:size()
--   for e in m do e.key, e.value end
local C = terralib.includec("stdlib.h")
local Cs = terralib.includec("string.h")
local memory = require "cpp.memory"
local detail = memory.detail

local M = {}

local FIB = 0x9E3779B97F4A7C15ULL
local EMPTY, DELETED = 0, 1

-- hashing and equality of keys, fixed per key type
local function keyops(K, level)
  local name = tostring(K)
  if K:isintegral() or K:ispointer() or K == bool then
    return macro(function(p) return `[uint64](@p) end),
           macro(function(a, b) return `@a == @b end)
  elseif K:isfloat() then
    local U = K == float and uint32 or uint64
    return macro(function(p) return `[uint64](@[&U](p)) end),
           macro(function(a, b) return `@a == @b end)
  elseif K:isstruct() then
    if K.metamethods.__eq == nil then
      error("hashmap(K, V): key type `" .. name .. "` has no `__eq` (keys are compared with ==)", level + 1)
    end
    if K.methods.hash == nil then
      error("hashmap(K, V): key type `" .. name .. "` has no `hash` method (hash(self : &" .. name .. ") : uint64)", level + 1)
    end
    return macro(function(p) return `[uint64](p:hash()) end),
           macro(function(a, b) return `@a == @b end)
  end
  error("hashmap(K, V): cannot use `" .. name .. "` as a key (no hash and ==)", level + 1)
end

M.hashmap = terralib.memoize(function(K, V)
  if not (terralib.types.istype(K) and terralib.types.istype(V)) then
    error("hashmap(K, V): K and V must be Terra types", 2)
  end
  local hashof, equal = keyops(K, 2)
  local struct Entry { key : K; value : V }
  local struct H {
    _ctrl : &uint8    -- 0 empty, 1 removed, 0x80 | 7 hash bits: full
    _slots : &Entry
    _size : int64     -- live entries
    _used : int64     -- live and removed slots
    _cap : int64      -- a power of two, or 0
    _shift : int64    -- 64 - log2(_cap)
  }
  H.name = "hashmap(" .. tostring(K) .. ", " .. tostring(V) .. ")"
  H.keytype, H.valuetype, H.entrytype = K, V, Entry
  local destroyK, destroyV = detail.destroy(K), detail.destroy(V)
  local copyK, copyV = detail.copyinto(K), detail.copyinto(V)
  local relocK, relocV = detail.relocate(K), detail.relocate(V)
  local constructV = detail.construct(V)

  terra H:size() : int64 return self._size end
  terra H:empty() : bool return self._size == 0 end
  terra H:capacity() : int64 return self._cap end

  local destroyall = macro(function(self)
    if not (detail.ismanaged(K) or detail.ismanaged(V)) then return quote end end
    return quote
      var h = self
      for i = 0, h._cap do
        if h._ctrl[i] >= 0x80 then
          destroyK(&h._slots[i].key)
          destroyV(&h._slots[i].value)
        end
      end
    end
  end)

  terra H:clear() : {}
    destroyall(self)
    if self._cap > 0 then Cs.memset(self._ctrl, 0, self._cap) end
    self._size, self._used = 0, 0
  end
  terra H:_free() : {}
    destroyall(self)
    C.free(self._ctrl)
    C.free(self._slots)
    self._ctrl, self._slots = nil, nil
    self._size, self._used, self._cap, self._shift = 0, 0, 0, 0
  end

  -- _rehash(n): move every entry into fresh arrays of n slots.
  terra H:_rehash(n : int64) : {}
    var shift : int64 = 64
    var c : int64 = 1
    while c < n do c = c * 2; shift = shift - 1 end
    var ctrl = [&uint8](C.calloc(c, 1))
    var slots = [&Entry](C.malloc(c * sizeof(Entry)))
    var mask = c - 1
    for i = 0, self._cap do
      if self._ctrl[i] >= 0x80 then
        var e = &self._slots[i]
        var hh = hashof(&e.key) * FIB
        var j = [int64](hh >> shift)
        while ctrl[j] ~= 0 do j = (j + 1) and mask end
        ctrl[j] = self._ctrl[i]
        Cs.memcpy(&slots[j], e, sizeof(Entry))
      end
    end
    C.free(self._ctrl)
    C.free(self._slots)
    self._ctrl, self._slots, self._cap, self._shift = ctrl, slots, c, shift
    self._used = self._size
  end
  H.methods._rehash:setinlined(false)

  -- reserve(n): room for n entries without rehashing.
  terra H:reserve(n : int64) : {}
    var want = n + n / 3 + 1
    if want > self._cap then self:_rehash(want) end
  end

  -- _find(k): the slot holding k, or -1.
  terra H:_find(k : &K) : int64
    if self._cap == 0 then return -1 end
    var hh = hashof(k) * FIB
    var tag = [uint8](0x80 or ((hh >> 7) and 0x7F))
    var mask = self._cap - 1
    var i = [int64](hh >> self._shift)
    while true do
      var c = self._ctrl[i]
      if c == tag then
        if equal(&self._slots[i].key, k) then return i end
      elseif c == EMPTY then
        return -1
      end
      i = (i + 1) and mask
    end
  end

  -- _slot(k): the slot for k; a new key gets a slot whose key and value
  -- the caller fills (isnew is then true).
  terra H:_slot(k : &K, isnew : &bool) : int64
    if (self._used + 1) * 4 > self._cap * 3 then
      var n = self._cap * 2
      if self._size * 2 < self._cap then n = self._cap end -- mostly tombstones
      if n < 8 then n = 8 end
      self:_rehash(n)
    end
    var hh = hashof(k) * FIB
    var tag = [uint8](0x80 or ((hh >> 7) and 0x7F))
    var mask = self._cap - 1
    var i = [int64](hh >> self._shift)
    var free : int64 = -1
    while true do
      var c = self._ctrl[i]
      if c == tag then
        if equal(&self._slots[i].key, k) then @isnew = false; return i end
      elseif c == EMPTY then
        break
      elseif c == DELETED and free < 0 then
        free = i
      end
      i = (i + 1) and mask
    end
    if free >= 0 then
      i = free
    else
      self._used = self._used + 1
    end
    self._ctrl[i] = tag
    self._size = self._size + 1
    @isnew = true
    return i
  end

  -- _ref(k): &value for k, inserting a copy of k with an empty value.
  terra H:_ref(k : &K) : &V
    var isnew : bool
    var i = self:_slot(k, &isnew)
    var e = &self._slots[i]
    if isnew then
      copyK(&e.key, k)
      Cs.memset(&e.value, 0, sizeof(V))
      constructV(&e.value)
    end
    return &e.value
  end
  -- _refv(k): the same with k moved in.
  terra H:_refv(k : K) : &V
    var isnew : bool
    var i = self:_slot(&k, &isnew)
    var e = &self._slots[i]
    if isnew then
      relocK(&e.key, &k)
      Cs.memset(&e.value, 0, sizeof(V))
      constructV(&e.value)
    end
    return &e.value
  end

  -- put(k, v): insert k with v, or assign v to k's value. True when k
  -- was new.
  terra H:put(k : K, v : V) : bool
    var isnew : bool
    var i = self:_slot(&k, &isnew)
    var e = &self._slots[i]
    if isnew then
      relocK(&e.key, &k)
    else
      destroyV(&e.value)
    end
    relocV(&e.value, &v)
    return isnew
  end
  -- insert(k, v): insert unless k is present. True when inserted.
  terra H:insert(k : K, v : V) : bool
    var isnew : bool
    var i = self:_slot(&k, &isnew)
    if isnew then
      var e = &self._slots[i]
      relocK(&e.key, &k)
      relocV(&e.value, &v)
    end
    return isnew
  end

  terra H:_getp(k : &K) : &V
    var i = self:_find(k)
    if i < 0 then return nil end
    return &self._slots[i].value
  end
  terra H:_getv(k : K) : &V return self:_getp(&k) end
  terra H:_removep(k : &K) : bool
    var i = self:_find(k)
    if i < 0 then return false end
    destroyK(&self._slots[i].key)
    destroyV(&self._slots[i].value)
    self._ctrl[i] = DELETED
    self._size = self._size - 1
    return true
  end
  terra H:_removev(k : K) : bool return self:_removep(&k) end

  -- A key argument is borrowed when it is a K lvalue (or a &K);
  -- anything else (an rvalue, or a rawstring for a string key) is
  -- converted to a K that lives for the call.
  local function bykey(byptr, byval)
    return macro(function(self, k)
      local t = k:gettype()
      if t == &K then return `self:[byptr](k) end
      if t == K and k:islvalue() then return `self:[byptr](&k) end
      return `self:[byval](k)
    end)
  end
  -- get(k): &value, or nil when k is absent (like find).
  H.methods.get = bykey("_getp", "_getv")
  H.methods.find = H.methods.get
  H.methods.remove = bykey("_removep", "_removev")
  H.methods.erase = H.methods.remove
  H.methods.contains = macro(function(self, k) return `self:get(k) ~= nil end)
  -- m(k): k's value as an lvalue, inserted empty (zero) if absent.
  local ref = bykey("_ref", "_refv")
  H.methods.ref = ref
  H.metamethods.__apply = macro(function(self, k) return `@ref(self, k) end)

  -- Deep copy: `var n = m` and `n = m` for an lvalue m.
  terra H.methods._copy(from : &H, to : &H) : {}
    if from == to then return end
    to:_free()
    if from._cap == 0 then return end
    var c = from._cap
    to._ctrl = [&uint8](C.malloc(c))
    to._slots = [&Entry](C.malloc(c * sizeof(Entry)))
    Cs.memcpy(to._ctrl, from._ctrl, c)
    for i = 0, c do
      if from._ctrl[i] >= 0x80 then
        copyK(&to._slots[i].key, &from._slots[i].key)
        copyV(&to._slots[i].value, &from._slots[i].value)
      end
    end
    to._size, to._used, to._cap, to._shift = from._size, from._used, c, from._shift
  end

  -- for e in m do ... end: e is a &Entry (e.key, e.value) for each
  -- entry, in table order.
  H.metamethods.__for = function(m, body)
    return quote
      var tmp : H
      var h = detail.bind(m, tmp)
      for i = 0, h._cap do
        if h._ctrl[i] >= 0x80 then
          var e = &h._slots[i]
          [body(e)]
        end
      end
    end
  end
  -- the managed-type methods (see detail.lifecycle)
  detail.lifecycle(H, H.methods._free, H.methods._copy)
  return H
end)

return M
