-- a struct refers to itself through a pointer
local C = terralib.includec("stdlib.h")
struct Node { val : int; next : &Node }
terra sum() : int
  var c = Node { 3, nil }
  var b = Node { 2, &c }
  var a = Node { 1, &b }
  var s = 0
  var p = &a
  while p ~= nil do
    s = s + p.val
    p = p.next
  end
  return s
end
print(sum())
