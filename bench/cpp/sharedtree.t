-- sharedtree: build binary trees of cpp.shared_ptr(Node) (one block for
-- the count and the node), share every leaf a second time from a
-- cpp.vector, sum the tree, then drop the root (destroying the inner
-- nodes) and the vector (the leaves).
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

struct Node
local Ptr = cpp.shared_ptr(Node)
struct Node { left : Ptr; right : Ptr; value : int64 }
local Leaves = cpp.vector(Ptr)

terra build(depth : int, next : &int64, leaves : &Leaves) : Ptr
  var n = Ptr.new()
  n.value = @next
  @next = @next + 1
  if depth > 0 then
    n.left = build(depth - 1, next, leaves)
    n.right = build(depth - 1, next, leaves)
  else
    leaves:push(n)
  end
  return n
end

terra sum(n : &Ptr) : int64
  if n:isnull() then return 0 end
  return n.value + sum(&n.left) + sum(&n.right)
end

terra main() : int
  var depth, rounds = 20, 6
  var t0 = now()
  var total : int64, shared : int64 = 0, 0
  for r = 0, rounds do
    var next : int64 = r
    var leaves : Leaves
    var root = build(depth, &next, &leaves)
    total = total + sum(&root)
    for i = 0, leaves:size(), 4096 do shared = shared + leaves(i):use_count() end
    root:reset()
    for i = 0, leaves:size(), 4096 do shared = shared + leaves(i):use_count() end
  end
  C.printf("time %.6f\n", now() - t0)
  C.printf("rounds %d depth %d total %ld shared %ld\n", rounds, depth, total, shared)
  return 0
end

main()
