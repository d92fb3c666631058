-- cpp.sort on a vector of strings (moved bitwise: no copy and no
-- destructor runs while sorting), with a comparator taking pointers; and
-- cpp.find by value and by predicate.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local string = cpp.string
local VS = cpp.vector(string)

local live = global(int, 0)
struct T { key : int }
terra T:__dtor() if self.key ~= 0 then live = live - 1; self.key = 0 end end
terra T.methods.__copy(from : &T, to : &T)
  to:__dtor(); to.key = from.key
  if to.key ~= 0 then live = live + 1 end
end
terra mk(k : int) : T var t : T; t.key = k; live = live + 1; return t end
terra bykey(a : &T, b : &T) : bool return a.key < b.key end
terra bylength(a : &string, b : &string) : bool
  return a:size() < b:size() or (a:size() == b:size() and @a < @b)
end
terra even(x : int) : bool return x % 2 == 0 end
terra isbig(t : &T) : bool return t.key > 95 end

terra main()
  var words : VS
  var text : string = "pear fig apple kiwi banana date cherry a-very-long-fruit-name-here lime"
  var i : int64 = 0
  while i < text:size() do
    var j = text:find(" ", i)
    if j < 0 then j = text:size() end
    words:push(text:substr(i, j - i))
    i = j + 1
  end
  cpp.sort(words)
  for w in words do C.printf("%s ", w:c_str()) end
  C.printf("\n")
  cpp.sort(words, bylength)
  for w in words do C.printf("%s ", w:c_str()) end
  C.printf("\n")
  C.printf("find kiwi %lld plum %lld\n", cpp.find(words, "kiwi"), cpp.find(words, "plum"))
  var lime : string = "lime"
  var found = 0
  for w in words do
    if cpp.find(words, w) == found then found = found + 1 end   -- w : &string
  end
  C.printf("find lime %lld, each word at its index %d\n", cpp.find(words, lime), found)
  var ts : cpp.vector(T)
  for k = 0, 100 do ts:push(mk((k * 37) % 100 + 1)) end
  var before = live
  cpp.sort(ts, bykey)
  var ok = true
  for k = 0, 100 do if ts(k).key ~= k + 1 then ok = false end end
  C.printf("sorted %d live %d -> %d first big at %lld\n", ok, before, live, cpp.find(ts, isbig))
  var nums : cpp.vector(int)
  for k = 0, 10 do nums:push(2 * k + 1) end
  C.printf("even %lld 9 at %lld\n", cpp.find(nums, even), cpp.find(nums, 9))
  nums:push(4)
  C.printf("even %lld\n", cpp.find(&nums, even))
end
main()
