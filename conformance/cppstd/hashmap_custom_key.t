-- A struct key: hashmap(K, V) needs K's hash method and __eq metamethod,
-- and nothing else. Values that are managed (vectors) are destroyed
-- and copied with the table.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")

struct Point { x : int; y : int }
terra Point:hash() : uint64
  return [uint64](self.x) * 1000003 + [uint64](self.y)
end
Point.metamethods.__eq = macro(function(a, b) return `a.x == b.x and a.y == b.y end)

local VI = cpp.vector(int)
local M = cpp.hashmap(Point, VI)

terra main()
  var m : M
  for i = 0, 30 do
    var p = Point { i % 3, i % 5 }
    m(p):push(i)
  end
  C.printf("size %lld\n", m:size())
  var q = Point { 1, 2 }
  for x in m(q) do C.printf("%d ", x) end
  C.printf("| contains %d %d\n", m:contains(Point { 2, 4 }), m:contains(Point { 3, 0 }))
  var n = m
  n(q):push(99)
  C.printf("%lld %lld\n", m(q):size(), n(q):size())
  var total = 0
  for e in n do
    for x in e.value do total = total + x end
  end
  C.printf("total %d\n", total)
end
main()
