-- cpp.sort on vectors of numbers: every size up to 40 and some large
-- ones, inputs random, sorted, reversed, all equal and sawtooth (the
-- introsort's quick, heap and insertion paths); ascending by default,
-- descending with a comparator by value, and with a macro comparator.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local VI = cpp.vector(int)
local VD = cpp.vector(double)

local seed = global(uint32, 12345)
terra rnd() : uint32
  seed = seed * 1103515245 + 12345
  return (seed >> 8) and 0xFFFF
end

terra fill(v : &VI, n : int, kind : int)
  v:clear()
  for i = 0, n do
    if kind == 0 then v:push(rnd() % 1000)
    elseif kind == 1 then v:push(i)
    elseif kind == 2 then v:push(n - i)
    elseif kind == 3 then v:push(7)
    else v:push(i % 13) end
  end
end
terra checksum(v : &VI) : int64
  var s : int64 = 0
  for x in v do s = s + x * x end
  return s
end
terra greater(a : int, b : int) : bool return a > b end
local byabs = macro(function(a, b) return `terralib.select(a < 0, -a, a) < terralib.select(b < 0, -b, b) end)

terra main()
  var v : VI
  var bad = 0
  var sizes = arrayof(int, 0, 1, 2, 3, 15, 16, 17, 33, 40, 1000, 100000)
  for k = 0, 5 do
    for si = 0, 11 do
      var n = sizes[si]
      fill(&v, n, k)
      var before = checksum(&v)
      cpp.sort(v)
      for i = 1, v:size() do if v(i - 1) > v(i) then bad = bad + 1 end end
      if checksum(&v) ~= before or v:size() ~= n then bad = bad + 1000 end
      fill(&v, n, k)
      cpp.sort(&v, greater)
      for i = 1, v:size() do if v(i - 1) < v(i) then bad = bad + 1 end end
    end
  end
  C.printf("misordered %d\n", bad)
  var w : VI
  for i = 0, 10 do w:push((i * 7) % 10 - 5) end
  cpp.sort(w, byabs)
  for x in w do C.printf("%d ", terralib.select(x < 0, -x, x)) end
  C.printf("\n")
  var d : VD
  for i = 0, 8 do d:push((i * 5 % 8) * 0.25) end
  cpp.sort(d)
  for x in d do C.printf("%g ", x) end
  C.printf("\n")
end
main()
