-- hashmap(string, int): string keys (managed: copied when borrowed,
-- moved when temporaries), lookups by rawstring, word counting, sorted
-- report, removal, and a deep copy of the whole table.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string
local M = cpp.hashmap(string, int)

struct Count { word : string; n : int }
terra before(a : &Count, b : &Count) : bool
  return a.n > b.n or (a.n == b.n and a.word < b.word)
end

terra main()
  var text : string = "the cat and the dog and the bird saw a cat that was not the dog"
  var m : M
  var i : int64 = 0
  var n = text:size()
  while i < n do
    var j = text:find(" ", i)
    if j < 0 then j = n end
    m(text:substr(i, j - i)) = m(text:substr(i, j - i)) + 1
    i = j + 1
  end
  var top : cpp.vector(Count)
  for e in m do top:push(Count { e.key, e.value }) end
  cpp.sort(top, before)
  for c in top do C.printf("%s=%d ", c.word:c_str(), c.n) end
  C.printf("\nsize %lld the %d zebra %d\n", m:size(), @m:get("the"), m:contains("zebra"))
  var key : string = "a key that is longer than sixteen bytes"
  m:put(key, 7)
  m(key) = m(key) * 6
  C.printf("%s -> %d\n", key:c_str(), m("a key that is longer than sixteen bytes"))
  var copy = m
  copy("the") = 0
  C.printf("remove %d %d size %lld copy %lld the %d/%d\n", m:remove("cat"), m:remove("cat"), m:size(),
    copy:size(), m("the"), copy("the"))
  var total = 0
  for e in copy do total = total + e.value end
  C.printf("copy total %d\n", total)
end
main()
