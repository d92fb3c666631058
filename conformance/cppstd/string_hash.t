-- string:hash(): equal contents hash equally whatever the storage (short
-- or long, literal or built), and a change in any byte or in the length
-- changes the hash (checked over all prefixes of a text).
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string

terra main()
  var a : string = "hashing strings"
  var b : string
  for c in a do b:push(c) end
  C.printf("equal %d\n", a:hash() == b:hash())
  var text : string = "the quick brown fox jumps over the lazy dog"
  var distinct = 0
  for n = 0, text:size() + 1 do
    var p = text:substr(0, n)
    var q = text:substr(0, n)
    if p:hash() ~= q:hash() then C.printf("unequal at %lld\n", n) end
    if n > 0 then
      var shorter = text:substr(0, n - 1)
      if shorter:hash() ~= p:hash() then distinct = distinct + 1 end
      var flipped = text:substr(0, n)
      flipped(n - 1) = flipped(n - 1) ^ 1
      if flipped:hash() ~= p:hash() then distinct = distinct + 1 end
    end
  end
  C.printf("distinct %d of %lld\n", distinct, 2 * text:size())
end
main()
