-- wordcount: count the words of a 50 MB text with
-- cpp.hashmap(cpp.string, int). The program first makes the text itself,
-- deterministically: 60,000 made-up words drawn with a skewed
-- distribution, separated by spaces and newlines. Timed: the counting and
-- the sort of the counts; printed: the number of distinct words, the total
-- and the 10 most frequent.
local cpp = require "cpp"
local C = terralib.includec("stdio.h")
local T = terralib.includec("time.h")

terra now() : double
  var ts : T.timespec
  T.clock_gettime(T.CLOCK_THREAD_CPUTIME_ID, &ts)
  return ts.tv_sec + ts.tv_nsec * 1e-9
end

local string = cpp.string
terra rnd(state : &uint64) : uint64
  var s = @state
  s = s ^ (s >> 12)
  s = s ^ (s << 25)
  s = s ^ (s >> 27)
  @state = s
  return s * 0x2545F4914F6CDD1DULL
end

struct Count { word : string; n : int }
terra before(a : &Count, b : &Count) : bool
  return a.n > b.n or (a.n == b.n and a.word < b.word)
end

terra main() : int
  var textSize : int64 = 50 << 20
  var nwords = 60000
  var rs : uint64 = 0x2545F4914F6CDD1DULL
  var vocab : cpp.vector(string)
  for i = 0, nwords do
    var w : string
    var len = 2 + [int](rnd(&rs) % 11)
    for k = 0, len do w:push([int8](97 + rnd(&rs) % 26)) end
    vocab:push(w)
  end
  var text : string
  text:reserve(textSize + 32)
  while text:size() < textSize do
    var a = rnd(&rs) % nwords
    var b = rnd(&rs) % nwords
    text:append(&vocab(a * b / nwords))
    text:push(terralib.select(rnd(&rs) % 16 == 0, 10, 32))
  end

  var t0 = now()
  var counts : cpp.hashmap(string, int)
  var total : int64 = 0
  var i : int64, n = 0, text:size()
  var s = text:c_str()
  while i < n do
    while i < n and (s[i] == 32 or s[i] == 10) do i = i + 1 end
    var j = i
    while j < n and s[j] ~= 32 and s[j] ~= 10 do j = j + 1 end
    if j > i then
      var c = &counts(text:substr(i, j - i))
      @c = @c + 1
      total = total + 1
    end
    i = j
  end
  var top : cpp.vector(Count)
  for e in counts do top:push(Count { e.key, e.value }) end
  cpp.sort(top, before)
  C.printf("time %.6f\n", now() - t0)
  C.printf("%lld bytes, %ld words, %lld distinct\n", text:size(), total, counts:size())
  for k = 0, 10 do
    if k < top:size() then C.printf("%s %d\n", top(k).word:c_str(), top(k).n) end
  end
  return 0
end

main()
