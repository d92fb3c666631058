-- hashmap(int, double): put (insert or assign), insert (only when
-- absent), get (nil when absent), m(k) inserting zero, contains, remove,
-- growth past many rehashes, removal and reinsertion (tombstones), clear.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local M = cpp.hashmap(int, double)

terra main()
  var m : M
  C.printf("size %lld get %d\n", m:size(), m:get(3) == nil)
  C.printf("put %d %d\n", m:put(3, 1.5), m:put(3, 2.5))
  C.printf("insert %d %d\n", m:insert(3, 9.0), m:insert(4, 4.0))
  C.printf("m(3) %g m(4) %g m(5) %g size %lld\n", m(3), m(4), m(5), m:size())
  m(5) = m(5) + 10
  @m:get(4) = 40
  C.printf("get %g %g contains %d %d\n", @m:get(5), @m:get(4), m:contains(5), m:contains(6))
  for i = 0, 100000 do m(i * 3) = i end
  C.printf("size %lld m(299997) %g m(6) %g\n", m:size(), m(299997), m(6))
  var removed = 0
  for i = 0, 300000 do
    if i % 2 == 0 and m:remove(i) then removed = removed + 1 end
  end
  C.printf("removed %d size %lld contains %d %d\n", removed, m:size(), m:contains(6), m:contains(9))
  for i = 0, 300000, 6 do m:put(i, -1) end
  var sum, neg = 0.0, 0
  for e in m do
    sum = sum + e.value
    if e.value < 0 then neg = neg + 1 end
  end
  C.printf("size %lld sum %.1f negative %d\n", m:size(), sum, neg)
  m:clear()
  C.printf("size %lld get %d\n", m:size(), m:get(9) == nil)
  m(1) = 1
  C.printf("size %lld\n", m:size())
end
main()
