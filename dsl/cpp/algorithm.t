-- terra++ algorithms over vectors: sort and find.
--
--   cpp.sort(v)              -- ascending with <
--   cpp.sort(v, cmp)         -- cmp(a, b) true when a goes before b: a Terra
--                            -- function of (T, T) or (&T, &T), or a macro
--   cpp.find(v, x)           -- index of the first element == x, or -1
--   cpp.find(v, pred)        -- index of the first element with pred(e)
--
-- sort is an introsort (median-of-three quicksort that falls back to
-- heapsort when it recurses too deep, finished by insertion sort), the
-- scheme of common C++ library sorts. One sort function is generated per
-- element type and comparator, so the comparison is inlined. Elements move
-- bitwise; a managed element is never copied or destroyed by sort.
local Cs = terralib.includec("string.h")
local memory = require "cpp.memory"
local detail = memory.detail

local M = {}

local THRESHOLD = 16

-- the element type and the (pointer, count) of a vector argument
local function vecparts(v, what)
  local t = v:gettype()
  local V = t:ispointer() and t.type or t
  if not (V:isstruct() and V.elemtype and V.methods._grow) then
    error(what .. ": expected a cpp.vector but found " .. tostring(t), 0)
  end
  local p = t:ispointer() and v or `&v
  return V.elemtype, p
end

-- how to call a comparator or predicate given pointers to elements
local function caller(f, T, nargs)
  if f == nil then return nil end
  if terralib.isfunction(f) then
    local ty = f:gettype()
    local byptr = #ty.parameters == nargs and ty.parameters[1] == &T
    if byptr then
      return function(...) local args = {...}; return `f([args]) end
    end
    return function(...)
      local args = {}
      for i, p in ipairs({...}) do args[i] = `@p end
      return `f([args])
    end
  end
  if terralib.ismacro(f) then
    return function(...)
      local args = {}
      for i, p in ipairs({...}) do args[i] = `@p end
      return `f([args])
    end
  end
  error("sort/find: expected a Terra function or a macro but found " .. tostring(f), 0)
end

-- sorter(T, cmp): terra function (p : &T, n : int64) sorting in place.
local sorter = terralib.memoize(function(T, cmp)
  local lessf = caller(cmp, T, 2) or function(a, b) return `@a < @b end
  local less = macro(function(a, b) return lessf(a, b) end)
  local managed = detail.ismanaged(T)
  local size = terralib.sizeof(T)
  -- A spare T held as raw bytes (never destroyed: it only ever holds
  -- an element on its way from one slot to another).
  local words = math.floor((size + 7) / 8)
  local spare = macro(function()
    if managed then
      return quote var buf : uint64[words] in [&T](&buf[0]) end
    end
    return quote var x : T in &x end
  end)
  local move = macro(function(dst, src)
    if managed then return `Cs.memcpy(dst, src, size) end
    return quote @dst = @src end
  end)
  local swap = macro(function(a, b)
    return quote var t = spare(); var x, y = a, b; move(t, x); move(x, y); move(y, t) end
  end)

  -- insert *last into the sorted run ending before it; something not
  -- greater than it is known to be on its left
  local terra linearinsert(last : &T) : {}
    var v = spare()
    move(v, last)
    var next = last - 1
    while less(v, next) do
      move(last, next)
      last = next
      next = next - 1
    end
    move(last, v)
  end
  linearinsert:setinlined(true)

  local terra insertionsort(first : &T, last : &T) : {}
    if first == last then return end
    var i = first + 1
    while i ~= last do
      if less(i, first) then
        var v = spare()
        move(v, i)
        Cs.memmove(first + 1, first, (i - first) * size)
        move(first, v)
      else
        linearinsert(i)
      end
      i = i + 1
    end
  end

  local terra siftdown(p : &T, root : int64, n : int64) : {}
    var v = spare()
    move(v, p + root)
    var i = root
    while true do
      var c = 2 * i + 1
      if c >= n then break end
      if c + 1 < n and less(p + c, p + c + 1) then c = c + 1 end
      if not less(v, p + c) then break end
      move(p + i, p + c)
      i = c
    end
    move(p + i, v)
  end
  local terra heapsort(first : &T, last : &T) : {}
    var n = last - first
    var i = n / 2
    while i > 0 do
      i = i - 1
      siftdown(first, i, n)
    end
    while n > 1 do
      n = n - 1
      swap(first, first + n)
      siftdown(first, 0, n)
    end
  end

  -- put the median of *a, *b, *c into *r
  local terra median(r : &T, a : &T, b : &T, c : &T) : {}
    if less(a, b) then
      if less(b, c) then swap(r, b)
      elseif less(a, c) then swap(r, c)
      else swap(r, a) end
    elseif less(a, c) then swap(r, a)
    elseif less(b, c) then swap(r, c)
    else swap(r, b) end
  end
  median:setinlined(true)

  -- partition [first, last) around *pivot, which is outside the range;
  -- elements equal to it may go either way, and both scans stop at a
  -- sentinel, so no bound checks are needed
  local terra partition(first : &T, last : &T, pivot : &T) : &T
    while true do
      while less(first, pivot) do first = first + 1 end
      last = last - 1
      while less(pivot, last) do last = last - 1 end
      if not (first < last) then return first end
      swap(first, last)
      first = first + 1
    end
  end
  partition:setinlined(true)

  local terra introloop(first : &T, last : &T, depth : int) : {}
    while last - first > THRESHOLD do
      if depth == 0 then
        heapsort(first, last)
        return
      end
      depth = depth - 1
      var mid = first + (last - first) / 2
      median(first, first + 1, mid, last - 1)
      var cut = partition(first + 1, last, first)
      introloop(cut, last, depth)
      last = cut
    end
  end

  local terra sort(p : &T, n : int64) : {}
    if n < 2 then return end
    var depth = 0
    var k = n
    while k > 1 do k = k >> 1; depth = depth + 1 end
    introloop(p, p + n, 2 * depth)
    if n > THRESHOLD then
      insertionsort(p, p + THRESHOLD)
      var i = p + THRESHOLD
      while i ~= p + n do
        linearinsert(i)
        i = i + 1
      end
    else
      insertionsort(p, p + n)
    end
  end
  return sort
end)
M.sorter = sorter

-- sort(v [, cmp]) for a vector (or a pointer to one).
M.sort = macro(function(v, cmp)
  local T, p = vecparts(v, "sort")
  local f = nil
  if cmp ~= nil then
    f = cmp:asvalue()
    if not (terralib.isfunction(f) or terralib.ismacro(f)) then
      error("sort: the comparator must be a Terra function or a macro", 0)
    end
  end
  if f == nil and T:isstruct() and T.metamethods.__lt == nil then
    error("sort: `" .. tostring(T) .. "` has no `__lt`; pass a comparator: cpp.sort(v, less)", 0)
  end
  local s = sorter(T, f)
  return quote var q = p in s(q._data, q._size) end
end)

-- find(v, x) / find(v, pred): the index of the first match, or -1.
M.find = macro(function(v, x)
  local T, p = vecparts(v, "find")
  local f = x:asvalue()
  if terralib.isfunction(f) or terralib.ismacro(f) then
    local call = caller(f, T, 1)
    return quote
      var q = p
      var r : int64 = -1
      for i = 0, q._size do
        var e = &q._data[i]
        if [call(e)] then r = i; break end
      end
    in r end
  end
  if T:isstruct() and T.metamethods.__eq == nil then
    error("find: `" .. tostring(T) .. "` has no `__eq`; pass a predicate: cpp.find(v, pred)", 0)
  end
  -- x is compared in place when it is a T variable or a &T; anything
  -- else (a temporary, a rawstring for strings) becomes a T first.
  local xt = x:gettype()
  local wantp
  if xt == &T then
    wantp = x
  elseif xt == T and x:islvalue() then
    wantp = `&x
  end
  if wantp then
    return quote
      var q = p
      var r : int64 = -1
      var w = wantp
      for i = 0, q._size do
        if q._data[i] == @w then r = i; break end
      end
    in r end
  end
  return quote
    var q = p
    var r : int64 = -1
    var want : T = x
    for i = 0, q._size do
      if q._data[i] == want then r = i; break end
    end
  in r end
end)

return M
