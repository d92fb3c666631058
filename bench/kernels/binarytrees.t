-- binary-trees: allocate, walk and free many perfect binary trees with
-- malloc/free (after the Benchmarks Game), single-threaded.
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")
local S = terralib.includec("stdlib.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local MAXD = 16

struct Node { l : &Node; r : &Node }

terra make(d : int) : &Node
  var n = [&Node](S.malloc(sizeof(Node)))
  if d > 0 then
    n.l = make(d - 1)
    n.r = make(d - 1)
  else
    n.l = nil
    n.r = nil
  end
  return n
end

terra check(n : &Node) : int
  if n.l ~= nil then return 1 + check(n.l) + check(n.r) end
  return 1
end

terra release(n : &Node) : {}
  if n.l ~= nil then
    release(n.l)
    release(n.r)
  end
  S.free(n)
end

terra main() : int
  var t0 = now()
  var maxd = MAXD
  var stretch = make(maxd + 1)
  var out : int[3 * (MAXD + 2)]
  var no = 0
  out[no] = check(stretch)
  no = no + 1
  release(stretch)
  var longlived = make(maxd)
  for d = 4, maxd + 1, 2 do
    var iters, sum = 1 << (maxd - d + 4), 0
    for i = 0, iters do
      var t = make(d)
      sum = sum + check(t)
      release(t)
    end
    out[no], out[no + 1], out[no + 2] = iters, d, sum
    no = no + 3
  end
  var ll = check(longlived)
  release(longlived)
  C.printf("time %.6f\n", now() - t0)
  C.printf("stretch tree of depth %d\t check: %d\n", maxd + 1, out[0])
  for k = 1, no, 3 do
    C.printf("%d\t trees of depth %d\t check: %d\n", out[k], out[k + 1], out[k + 2])
  end
  C.printf("long lived tree of depth %d\t check: %d\n", maxd, ll)
  return 0
end

main()
