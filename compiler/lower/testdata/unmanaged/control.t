-- Control flow with defer, goto, break and return, without managed
-- types: the IR must not change when managed types are implemented.
local C = terralib.includec("stdio.h")

struct S { x : int; y : int }
terra S:show() C.printf("%d %d\n", self.x, self.y) end
terra note(s : &int8, i : int) C.printf("%s %d\n", s, i) end

terra loops(n : int) : int
  var s = 0
  var st = S { 1, 2 }
  defer st:show()
  for i = 0, n do
    defer note("for", i)
    if i == 3 then break end
    var k = i
    while k > 0 do
      defer note("while", k)
      k = k - 1
      if k == 1 then break end
    end
    s = s + k
  end
  repeat
    defer note("repeat", s)
    s = s - 1
  until s < 2
  return s
end

terra jumps(n : int) : int
  var i = 0
  ::top::
  do
    var t = S { i, n }
    defer note("block", t.x)
    if i > n then goto done end
  end
  i = i + 1
  if i < 10 then goto top end
  ::done::
  return i
end

terra early(n : int) : S
  var a = S { n, 0 }
  defer note("early", a.x)
  if n > 5 then
    var b = S { 0, n }
    defer note("inner", b.y)
    return b
  end
  a.y = 7
  return a
end

terra sw(n : int) : int
  var r = 0
  switch n do
    case 1 then r = 10
    case 2, 3 then
      defer note("case", n)
      r = 20
  else
    r = -1
  end
  return r
end

golden = { loops, jumps, early, sw }
