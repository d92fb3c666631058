-- Fields through pointers: p.f dereferences one pointer level.
struct Node { val : int; next : &Node }
terra sum(n : &Node) : int
  var s = 0
  while n ~= nil do
    s = s + n.val
    n = n.next
  end
  return s
end
terra build() : int
  var c = Node { 3, nil }
  var b = Node { 2, &c }
  var a = Node { 1, &b }
  a.next.next.val = 30
  return sum(&a)
end
print(build())
