-- Typedef chains resolve to the same Terra type.
local C = terralib.includecstring [[
typedef int myint;
typedef myint myint2;
typedef unsigned long long u64;
typedef struct node { struct node *next; int v; } Node;
]]
print(C.myint == int, C.myint2 == int32, C.u64 == uint64, C.Node == C.node)
terra len(n : &C.Node) : int
  var k = 0
  while n ~= nil do k = k + 1 n = n.next end
  return k
end
terra f() : int
  var a : C.Node  var b : C.Node
  a.next = &b  b.next = nil
  return len(&a)
end
print(f())
