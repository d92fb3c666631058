-- Aggregates far larger than a register file, passed, returned, copied and
-- built by value. Each must compile quickly (they are copied as blocks of
-- memory) and keep value semantics: a copy never shares storage with its
-- source.
local N = 50000
local Arr = int32[N]
struct Wrap { tag : int8, data : Arr, tail : double }

terra fill(p : &Arr, base : int32)
  for i = 0, N do p[0][i] = base + i end
end

-- By value in, by value out: the callee changes only its own copy.
terra bump(a : Arr) : Arr
  a[0] = a[0] + 1000
  a[N - 1] = a[N - 1] + 1000
  return a
end

terra wrap(a : Arr, tag : int8) : Wrap
  return Wrap { tag, a, 0.5 }
end

terra pick(c : bool, x : Wrap, y : Wrap) : Wrap
  return terralib.select(c, x, y)
end

terra two(a : Arr) : {Arr, int}
  return a, 7
end

struct Same { first : Arr, n : int }

terra run() : int
  var a : Arr
  fill(&a, 1)
  var b = bump(a)                 -- a itself is unchanged
  var w = wrap(b, 3)
  var v = w                       -- a copy: writing v leaves w alone
  v.data[5] = -1
  var x, y = a, b
  x, y = y, x                     -- parallel assignment swaps whole arrays
  var t = two(a)
  var s = [Same](t)               -- structural cast of a large tuple
  var q = pick(false, w, v)
  var z = Wrap { data = a }       -- the other fields are zero
  var res = 0
  if a[0] == 1 and a[N - 1] == N then res = res + 1 end
  if b[0] == 1001 and b[N - 1] == N + 1000 then res = res + 2 end
  if w.tag == 3 and w.data[5] == 6 and w.tail == 0.5 then res = res + 4 end
  if v.data[5] == -1 then res = res + 8 end
  if x[0] == 1001 and y[0] == 1 then res = res + 16 end
  if s.first[N - 1] == N and s.n == 7 then res = res + 32 end
  if q.data[5] == -1 then res = res + 64 end
  if z.tag == 0 and z.tail == 0 and z.data[N - 1] == N then res = res + 128 end
  return res
end

local g = global(Wrap)
terra setglobal(a : Arr)
  g = wrap(a, 9)
end
terra getglobal() : Wrap return g end

local t0 = os.clock()
run:compile()
print("compiled quickly:", os.clock() - t0 < 20)
print(run())

-- From Lua: the wrapper passes and returns the arrays by value too.
local src = terralib.new(Arr)
for i = 0, N - 1 do src[i] = 2 * i end
local r = bump(src)
print(r[0], r[1], r[N - 1], src[0])
setglobal(src)
local gw = getglobal()
print(gw.tag, gw.data[N - 1], gw.tail)
