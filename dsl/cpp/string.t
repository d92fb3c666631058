-- terra++ string: an owned, NUL-terminated byte string like std::string,
-- with the short-string optimisation (up to 15 bytes live inside the
-- 32-byte object, without a heap block). A managed type: copies are deep,
-- moves hand the buffer over, the destructor frees it.
--
--   var s : cpp.string = "hello"      -- from a literal or a rawstring
--   var t = s + ", " + name           -- concatenation (string or rawstring)
--   s == t, s < t                     -- byte-wise comparison
--   cpp.string.format("%d-%s", 3, s)  -- printf-style; strings pass as %s
--   s:size(), s:c_str(), s(i), s:hash()
local C = terralib.includec("stdlib.h")
local Cs = terralib.includec("string.h")
local Cio = terralib.includec("stdio.h")
local memory = require "cpp.memory"
local detail = memory.detail

local M = {}

-- Layout: _cap == 0 means the bytes are inline in _buf (NUL-terminated,
-- at most 15 of them); otherwise the first 8 bytes of _buf hold the heap
-- pointer and _cap its capacity (not counting the NUL). All zero is the
-- empty string, which is how the compiler initialises one.
local struct string { _len : int64; _cap : int64; _buf : int8[16] }
string.name = "string"
local INLINE = 15

-- A borrowed view of bytes: what operators work on.
local struct view { p : &int8; n : int64 }
M.view = view

terra string:c_str() : rawstring
  if self._cap == 0 then return &self._buf[0] end
  return @[&&int8](&self._buf[0])
end
string.methods.data = string.methods.c_str
terra string:size() : int64 return self._len end
string.methods.length = string.methods.size
terra string:empty() : bool return self._len == 0 end
terra string:capacity() : int64
  if self._cap == 0 then return INLINE end
  return self._cap
end
terra string:view() : view return view { self:c_str(), self._len } end

terra string:__dtor() : {}
  if self._cap ~= 0 then C.free(@[&&int8](&self._buf[0])) end
  self._len, self._cap = 0, 0
  self._buf[0] = 0
end

-- reserve(n): room for n bytes without reallocating.
terra string:reserve(n : int64) : {}
  if n <= self:capacity() then return end
  var c = self:capacity() * 2
  if c < n then c = n end
  var p = [&int8](C.malloc(c + 1))
  Cs.memcpy(p, self:c_str(), self._len + 1)
  if self._cap ~= 0 then C.free(@[&&int8](&self._buf[0])) end
  @[&&int8](&self._buf[0]) = p
  self._cap = c
end
string.methods.reserve:setinlined(false)

-- append(p, n): add n bytes from p.
-- copybytes(d, s, n): memmove, with short copies (n <= 16, the usual
-- word) done inline as two overlapping loads and stores.
local terra copybytes(d : &int8, s : &int8, n : int64) : {}
  if n > 16 then
    Cs.memmove(d, s, n)
  elseif n >= 8 then
    var a : uint64, b : uint64
    Cs.memcpy(&a, s, 8); Cs.memcpy(&b, s + n - 8, 8)
    Cs.memcpy(d, &a, 8); Cs.memcpy(d + n - 8, &b, 8)
  elseif n >= 4 then
    var a : uint32, b : uint32
    Cs.memcpy(&a, s, 4); Cs.memcpy(&b, s + n - 4, 4)
    Cs.memcpy(d, &a, 4); Cs.memcpy(d + n - 4, &b, 4)
  elseif n > 0 then
    var a, b, c = s[0], s[n / 2], s[n - 1]
    d[0], d[n / 2], d[n - 1] = a, b, c
  end
end
copybytes:setinlined(true)

terra string:append(p : &int8, n : int64) : {}
  var len = self._len
  if len + n > self:capacity() then self:reserve(len + n) end
  var d = self:c_str()
  copybytes(d + len, p, n)
  d[len + n] = 0
  self._len = len + n
end
-- push(c): add one byte.
terra string:push(c : int8) : {}
  var len = self._len
  if len == self:capacity() then self:reserve(len + 1) end
  var d = self:c_str()
  d[len] = c
  d[len + 1] = 0
  self._len = len + 1
end
string.methods.push_back = string.methods.push
terra string:clear() : {}
  self._len = 0
  self:c_str()[0] = 0
end

-- string.from(p, n) and string.from(p): a new string holding those bytes.
terra string.methods.frombytes(p : &int8, n : int64) : string
  var s : string
  s._len, s._cap = 0, 0
  s._buf[0] = 0
  s:append(p, n)
  return s
end
terra string.methods.fromraw(p : rawstring) : string
  if p == nil then return string.frombytes(p, 0) end
  return string.frombytes(p, Cs.strlen(p))
end
string.methods.from = terralib.overloadedfunction("from",
  { string.methods.frombytes, string.methods.fromraw })

-- substr(pos, n): a new string of n bytes from pos (clamped to the end).
terra string:substr(pos : int64, n : int64) : string
  if pos > self._len then pos = self._len end
  if n > self._len - pos then n = self._len - pos end
  return string.frombytes(self:c_str() + pos, n)
end

-- find(p, n [, from]): the first index of the bytes, or -1.
terra M.findbytes(hay : view, p : &int8, n : int64, from : int64) : int64
  if n == 0 then return from end
  var last = hay.n - n
  var i = from
  while i <= last do
    var q = [&int8](Cs.memchr(hay.p + i, p[0], last - i + 1))
    if q == nil then return -1 end
    i = q - hay.p
    if Cs.memcmp(q, p, n) == 0 then return i end
    i = i + 1
  end
  return -1
end

-- Copy: `var t = s` and `t = s` for an lvalue s.
terra string.methods.__copy(from : &string, to : &string) : {}
  if from == to then return end
  to:clear()
  to:append(from:c_str(), from._len)
end

-- Byte-wise three-way comparison.
terra M.compare(a : view, b : view) : int
  var n = a.n
  if b.n < n then n = b.n end
  var c = Cs.memcmp(a.p, b.p, n)
  if c ~= 0 then return c end
  if a.n < b.n then return -1 end
  if a.n > b.n then return 1 end
  return 0
end
terra M.equal(a : view, b : view) : bool
  return a.n == b.n and Cs.memcmp(a.p, b.p, a.n) == 0
end

-- hashbytes: a fast 64-bit hash of n bytes (8 bytes a step, then an
-- overlapping or short tail), well mixed at the end.
local K1, K2 = 0x9E3779B97F4A7C15ULL, 0xBF58476D1CE4E5B9ULL
terra M.hashbytes(p : &int8, n : int64) : uint64
  var h : uint64 = [uint64](n) * K1
  var i : int64 = 0
  while i + 8 <= n do
    var w : uint64
    Cs.memcpy(&w, p + i, 8)
    h = (h ^ w) * K2
    h = h ^ (h >> 31)
    i = i + 8
  end
  var r = n - i
  if r > 0 then
    var w : uint64
    if n >= 8 then
      Cs.memcpy(&w, p + n - 8, 8)
    elseif r >= 4 then
      var lo : uint32, hi : uint32
      Cs.memcpy(&lo, p, 4)
      Cs.memcpy(&hi, p + r - 4, 4)
      w = ([uint64](hi) << 32) or lo
    else
      var u = [&uint8](p)
      w = ([uint64](u[0]) << 16) or ([uint64](u[r / 2]) << 8) or u[r - 1]
    end
    h = (h ^ w) * K2
  end
  h = h ^ (h >> 29)
  h = h * K1
  h = h ^ (h >> 32)
  return h
end
terra string:hash() : uint64 return M.hashbytes(self:c_str(), self._len) end

-- asview(e): a view of a string (lvalue, rvalue or pointer), a rawstring
-- or a view.
local asview = macro(function(e)
  local t = e:gettype()
  if t == view then return e end
  if t == rawstring or t == &uint8 then return quote var p = [&int8](e) in view { p, Cs.strlen(p) } end end
  if t == string or t == &string then return `e:view() end
  if t:isarray() and t.type == int8 then return quote var p = &e[0] in view { p, Cs.strlen(p) } end end
  error("expected a string or a rawstring but found " .. tostring(t), 0)
end)
M.asview = asview

-- Concatenation: s + t where either side is a string and the other a
-- string or a rawstring.
terra M.concat(a : view, b : view) : string
  var s : string
  s._len, s._cap = 0, 0
  s._buf[0] = 0
  s:reserve(a.n + b.n)
  s:append(a.p, a.n)
  s:append(b.p, b.n)
  return s
end
-- Operands of the operators: a string (or &string), a rawstring or a
-- char array; anything else is an error at the operator.
local function isstringish(t)
  return t == string or t == &string or t == view or t == rawstring or t == &uint8
    or (t:isarray() and t.type == int8)
end
local function operator(build)
  return macro(function(a, b)
    for _, e in ipairs({a, b}) do
      local t = e:gettype()
      if not isstringish(t) then
        error("expected a string or a rawstring but found " .. tostring(t), 0)
      end
    end
    return build(`asview(a), `asview(b))
  end)
end
string.metamethods.__add = operator(function(a, b) return `M.concat(a, b) end)
string.metamethods.__eq = operator(function(a, b) return `M.equal(a, b) end)
string.metamethods.__ne = operator(function(a, b) return `not M.equal(a, b) end)
string.metamethods.__lt = operator(function(a, b) return `M.compare(a, b) < 0 end)
string.metamethods.__le = operator(function(a, b) return `M.compare(a, b) <= 0 end)
string.metamethods.__gt = operator(function(a, b) return `M.compare(a, b) > 0 end)
string.metamethods.__ge = operator(function(a, b) return `M.compare(a, b) >= 0 end)
-- s:compare(t): negative, zero or positive.
string.methods.compare = macro(function(a, b) return `M.compare(asview(a), asview(b)) end)
-- s:find(t [, from]): the first index of t (a string or a rawstring), or -1.
string.methods.find = macro(function(s, t, from)
  from = from or `0
  return quote var v = asview(t) in M.findbytes(asview(s), v.p, v.n, from) end
end)
string.methods.starts_with = macro(function(s, t)
  return quote var a, b = asview(s), asview(t) in a.n >= b.n and Cs.memcmp(a.p, b.p, b.n) == 0 end
end)
-- s:append(t) for a string (variable or temporary) or a rawstring, and
-- s:append(p, n) for n bytes at p.
local appendbytes = string.methods.append
terra M.appendview(self : &string, v : view) : {} appendbytes(self, v.p, v.n) end
string.methods.append = macro(function(self, a, n)
  local sp = self
  if not self:gettype():ispointer() then sp = `&self end
  if n ~= nil then return `appendbytes(sp, a, n) end
  local t = a:gettype()
  if not isstringish(t) then
    error("append: expected a string or a rawstring but found " .. tostring(t), 0)
  end
  return `M.appendview(sp, asview(a))
end)

-- A rawstring (a Lua string literal in Terra code) converts to a string.
string.metamethods.__cast = function(from, to, exp)
  if to == string and (from == rawstring or (from:isarray() and from.type == int8)) then
    return `string.fromraw(exp)
  end
  error("cannot convert " .. tostring(from) .. " to string")
end

-- s(i): the byte at i, unchecked, an lvalue; s:at(i) checks the range.
string.metamethods.__apply = macro(function(s, i) return `s:c_str()[i] end)
local vector = nil
string.methods.at = macro(function(s, i)
  local file, line = detail.where(i)
  vector = vector or require "cpp.vector"
  return quote
    var v = asview(s)
    var k : int64 = i
    if k < 0 or k >= v.n then vector.rangefail(file, line, "string.at", k, v.n) end
  in
    v.p[k]
  end
end)

-- for c in s do ... end: each byte.
string.metamethods.__for = function(s, body)
  return quote
    var v = asview(s)
    for i = 0, v.n do [body(`v.p[i])] end
  end
end

-- string.format(fmt, ...): printf into a new string. string arguments
-- are passed as their c_str(). One function per list of argument types
-- does the work, so the result is an ordinary returned value.
local formatter = terralib.memoize(function(...)
  local types = {...}
  local params = {}
  for i, t in ipairs(types) do params[i] = symbol(t) end
  return terra(f : rawstring, [params]) : string
    var n = Cio.snprintf(nil, 0, f, [params])
    var r : string
    r._len, r._cap = 0, 0
    r._buf[0] = 0
    if n > 0 then
      r:reserve(n)
      Cio.snprintf(r:c_str(), n + 1, f, [params])
      r._len = n
    end
    return r
  end
end)
string.methods.format = macro(function(fmt, ...)
  local args, types = {}, {}
  for i, a in ipairs({...}) do
    local t = a:gettype()
    if t == string or t == &string then
      args[i], types[i] = `a:c_str(), rawstring
    elseif t == float then
      args[i], types[i] = `[double](a), double
    elseif t:isintegral() and terralib.sizeof(t) < 4 then
      args[i], types[i] = `[int](a), int
    else
      args[i], types[i] = a, t
    end
  end
  local fn = formatter(unpack(types))
  return `fn(fmt, [args])
end)

M.string = string
return M
